// Precision and recall of the finders on the labelled synthetic corpus (test/privacy/corpus.ts),
// per kind, against the targets of issue 16; and the time to scan a 200,000-word transcript,
// measured and printed (never asserted: the machine's load is not the code's).
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../electron/privacy/entities';
import { forgetTaggedWindows } from '../../electron/privacy/tagger';
import { findIdentifiers, type Finders } from '../../shared/privacy/find';
import { createKeyMatcher } from '../../shared/privacy/keyMatcher';
import type { Finding } from '../../shared/privacy/types';
import { countWords } from '../../shared/text/wordCount';
import { FILLER, generateCorpus, type PlantedKind } from './corpus';

const corpus = generateCorpus();
const finders: Finders = { key: createKeyMatcher(corpus.people), terms: [], entities: findEntities };

const covers = (f: Finding, p: { startUtf16: number; endUtf16: number }) =>
  f.startUtf16 <= p.startUtf16 && f.endUtf16 >= p.endUtf16;
const overlaps = (f: Finding, p: { startUtf16: number; endUtf16: number }) =>
  f.startUtf16 < p.endUtf16 && p.startUtf16 < f.endUtf16;

describe('finders on the labelled corpus', () => {
  it('meets the recall and precision targets', () => {
    expect(corpus.transcripts.length).toBeGreaterThanOrEqual(20);
    const planted = new Map<PlantedKind, { found: number; total: number; missed: string[] }>();
    let findings = 0;
    let truePositives = 0;
    const falsePositives: string[] = [];
    for (const t of corpus.transcripts) {
      const found = findIdentifiers(t.text, finders);
      findings += found.length;
      for (const f of found) {
        if (t.planted.some((p) => overlaps(f, p))) truePositives++;
        else falsePositives.push(`${f.kind}:${f.text}`);
      }
      for (const p of t.planted) {
        const entry = planted.get(p.kind) ?? { found: 0, total: 0, missed: [] };
        entry.total++;
        // A key person or contact must be known as the participant (so it gets their label).
        const hit = found.some(
          (f) =>
            covers(f, p) &&
            (p.kind === 'keyName' || p.kind === 'keyContact' ? f.kind === 'participant' : true),
        );
        if (hit) entry.found++;
        else entry.missed.push(p.text);
        planted.set(p.kind, entry);
      }
    }
    const recall = (kind: PlantedKind) => {
      const e = planted.get(kind)!;
      return e.found / e.total;
    };
    const precision = truePositives / findings;
    const lines = [...planted].map(
      ([kind, e]) =>
        `${kind.padEnd(13)} recall ${(e.found / e.total).toFixed(3)} (${e.found}/${e.total})${e.missed.length ? ` missed: ${[...new Set(e.missed)].slice(0, 6).join(' | ')}` : ''}`,
    );
    lines.push(
      `overall precision ${precision.toFixed(3)} (${truePositives}/${findings}); false positives: ${[...new Set(falsePositives)].slice(0, 12).join(' | ')}`,
    );
    console.log(`privacy corpus, ${corpus.transcripts.length} transcripts:\n${lines.join('\n')}`);
    expect(recall('keyName')).toBeGreaterThanOrEqual(0.98);
    expect(recall('keyContact')).toBeGreaterThanOrEqual(0.98);
    expect(recall('email')).toBeGreaterThanOrEqual(0.98);
    expect(recall('phone')).toBeGreaterThanOrEqual(0.98);
    expect(recall('person')).toBeGreaterThanOrEqual(0.85);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('measures a 200,000-word transcript (printed, not asserted)', () => {
    // Transcripts of their own (another seed), none repeated, and nothing tagged before: the tagger
    // remembers windows it has seen, which a repeated text would turn into a free second pass.
    const distinct = generateCorpus(17, 600);
    const parts: string[] = [];
    let words = 0;
    for (let i = 0; words < 200_000; i++) {
      const t = distinct.transcripts[i]!.text;
      parts.push(t);
      words += countWords(t);
    }
    const text = parts.join('\n');
    const keyOnly: Finders = { key: createKeyMatcher(distinct.people), terms: [] };
    forgetTaggedWindows();
    let started = performance.now();
    const withoutModel = findIdentifiers(text, keyOnly).length;
    const keyMs = performance.now() - started;
    started = performance.now();
    const all = findIdentifiers(text, { ...keyOnly, entities: findEntities }).length;
    const allMs = performance.now() - started;
    console.log(
      `privacy scan of ${words} words: key names, contacts and patterns ${keyMs.toFixed(0)} ms (${withoutModel} findings); with the language model ${allMs.toFixed(0)} ms (${all} findings)`,
    );
    expect(all).toBeGreaterThan(withoutModel);

    // The corpus names someone in nearly every sentence. An interview does so far less often: here one
    // line in ten is from the corpus, the rest plain talk, which the language model is not run on.
    const plain = FILLER.slice(0, 10);
    const lines = parts.join('\n').split('\n');
    const sparse: string[] = [];
    let sparseWords = 0;
    for (let i = 0; sparseWords < 200_000; i++) {
      const line =
        i % 10 === 0
          ? lines[(i / 10) % lines.length]!
          : `Respondent: ${plain[i % plain.length]!} ${plain[(i * 3) % plain.length]!}`;
      sparse.push(line);
      sparseWords += countWords(line);
    }
    forgetTaggedWindows();
    started = performance.now();
    const sparseFound = findIdentifiers(sparse.join('\n'), { ...keyOnly, entities: findEntities }).length;
    console.log(
      `privacy scan of ${sparseWords} words, one line in ten naming people: ${(performance.now() - started).toFixed(0)} ms with the language model (${sparseFound} findings)`,
    );
  }, 600_000);
});
