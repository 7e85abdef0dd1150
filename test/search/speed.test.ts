import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { insertDocument } from '../../electron/store/documents';
import { newProjectSession } from '../helpers/session';

// The speed targets, on a corpus shaped like the reference study: 648 documents, ≈13 MB.
// The bench measures them for real; this test keeps them from regressing badly (limits with headroom
// for a busy 2-core machine) and prints the figures.

const WORDS = (
  'the of and to in a is that for on with as by at from be this are was were it an or which has have ' +
  'alliance security mission forces operation council member states government international policy ' +
  'support military civilian humanitarian assistance report conflict region peace cooperation defence ' +
  'summit statement partners strategy crisis protection population casualties legitimacy legitimate ' +
  'mandate resolution organisation organisations governmental NGO NGOs state’s allies’ — – “press” ' +
  'officials agreed noted stressed welcomed condemned urged called'
).split(' ');
// Real policy texts are mostly ASCII with an accented name now and then.
const RARE = 'Genève Kraków régime coopération naïve façade rôle élite Zürich São Bogotá Île-de-France'.split(
  ' ',
);
const PHRASES = ['protection of civilians', 'civilian casualties', 'non-governmental organisation'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeText(random: () => number, chars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) {
      const words: string[] = [];
      const n = 8 + Math.floor(random() * 14);
      for (let w = 0; w < n; w++) {
        const r = random();
        if (r < 0.004) words.push(PHRASES[Math.floor(random() * PHRASES.length)]!);
        else if (r < 0.008) words.push(RARE[Math.floor(random() * RARE.length)]!);
        else words.push(WORDS[Math.floor(random() * WORDS.length)]!);
      }
      const sentence = words.join(' ');
      sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs.join('\n');
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

describe('search speed on 648 documents / 13 MB', () => {
  it('lists hit documents in milliseconds and the first 100 snippets quickly', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const random = rng(42);
    let total = 0;
    db.transaction(() => {
      for (let i = 0; i < 648; i++) {
        const text = makeText(random, 20_000);
        total += text.length;
        insertDocument(db, { title: `Document ${i + 1}`, text, date: String(2002 + (i % 22)) });
      }
    })();
    expect(total).toBeGreaterThan(12_900_000);
    const figures: string[] = [];
    for (const query of [
      'legitimacy',
      '"protection of civilians"',
      'NGO*',
      'NGO AND "civilian casualties"',
      'geneve',
    ]) {
      const ids = await invoke(session, 'search.documentIds', { query });
      const list = await time(7, () => invoke(session, 'search.documentIds', { query }));
      const page = await time(5, () => invoke(session, 'search.run', { query, limit: 100 }));
      const result = await invoke(session, 'search.run', { query, limit: 100 });
      expect(result.items.length).toBe(Math.min(100, ids.length));
      expect(result.items.every((item) => item.hitCount > 0 && item.snippets.length > 0)).toBe(true);
      figures.push(
        `${query}: ${ids.length} docs, hit list ${list.toFixed(1)} ms, first 100 snippets ${page.toFixed(1)} ms`,
      );
      expect(list).toBeLessThan(30);
      expect(page).toBeLessThan(150);
    }
    console.log(`search speed (${(total / 1e6).toFixed(1)} M chars):\n  ${figures.join('\n  ')}`);
  }, 120_000);
});
