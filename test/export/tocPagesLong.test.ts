import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { newProjectSession } from '../helpers/session';
import { ALL_SECTIONS, exportTo } from './helpers/project';
import { docxToText, squeeze } from './helpers/reader';

const run = promisify(execFile);

// Building the study, exporting it and LibreOffice's rendering of ~130 pages on a busy two-core machine.
const TIMEOUT = 400_000;

const WORDS = (
  'the liaison officers met NGO staff every week and both sides said that meetings were where trust ' +
  'was built not in formal agreements; humanitarian organisations, deconfliction, “acceptance” — ' +
  'institutionalisation of lessons-learned in 2011 (p. 4) Bridgewell Relief’s field coordinator CIMIC'
).split(' ');

/** A small seeded generator, so the study (and its page breaks) is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * A study of six long transcripts, twelve codes with descriptions in three code groups and 720
 * segments of one to ten sentences (about 40 to 1,500 characters), every third with a memo: an
 * appendix of ~130 pages of evidence, then its tables.
 */
async function longStudy(session: Session, dir: string) {
  const random = seeded(17);
  const sentence = () => {
    const words = Array.from(
      { length: 4 + Math.floor(random() * 26) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    return `${words.join(' ')}.`;
  };
  const sentences = Array.from({ length: 6 }, () => Array.from({ length: 400 }, sentence));
  const paths = sentences.map((list, i) => {
    const file = path.join(dir, `Interview ${i + 1}.txt`);
    fs.writeFileSync(file, list.join(' '));
    return file;
  });
  const { jobId } = await invoke(session, 'documents.import', { paths });
  expect((await session.jobs.wait(jobId)).state).toBe('done');
  const documents = await invoke(session, 'documents.list', {});
  for (const [i, d] of documents.entries())
    await invoke(session, 'documents.update', { id: d.id, date: `${2014 + i}-03-01` });
  const texts = await Promise.all(documents.map((d) => invoke(session, 'documents.get', { id: d.id })));

  const groups = [];
  for (const group of ['Resource gaps', 'Learning stage', 'Level of cooperation']) {
    const codeIds = [];
    for (let c = 1; c <= 4; c++) {
      const code = await invoke(session, 'codes.create', {
        // One name long enough to take two lines as a heading.
        name:
          c === 4 && group === 'Learning stage'
            ? 'Learning code 4: lessons identified in after-action reviews, passed on to the next rotation and written into doctrine'
            : `${group.split(' ')[0]} code ${c}`,
        description: random() < 0.5 ? sentence() : '',
      });
      codeIds.push(code.id);
      for (let s = 0; s < 60; s++) {
        const d = Math.floor(random() * documents.length);
        const text = texts[d]!.text;
        const list = sentences[d]!;
        const first = Math.floor(random() * (list.length - 10));
        const count = 1 + Math.floor(random() * 10);
        const start = text.indexOf(list.slice(first, first + count).join(' '));
        const end = start + list.slice(first, first + count).join(' ').length;
        await invoke(session, 'segments.apply', {
          documentId: documents[d]!.id,
          codeId: code.id,
          startUtf16: start,
          endUtf16: end,
          ...(s % 3 === 0 ? { memo: `${sentence()} ${random() < 0.5 ? sentence() : ''}`.trim() } : {}),
        });
      }
    }
    groups.push((await invoke(session, 'codeGroups.create', { name: group, codeIds })).id);
  }
  return groups;
}

/** The contents' lines as LibreOffice shows them: "Heading ....... 3" → heading and page; a long heading wraps. */
function tocLines(text: string): { heading: string; page: number }[] {
  const contents = text.slice(text.indexOf('Contents') + 'Contents'.length);
  const entries: { heading: string; page: number }[] = [];
  let wrapped = '';
  for (const line of contents.split('\n').map((l) => squeeze(l).trim())) {
    const entry = /^(.*?)\s*\.{4,}\s*(\d+)$/.exec(line);
    if (entry) {
      entries.push({ heading: `${wrapped}${entry[1]!}`.trim(), page: Number(entry[2]) });
      wrapped = '';
    } else wrapped = line.length >= 30 ? `${wrapped}${line} ` : ''; // a wrapped heading fills its line
  }
  return entries;
}

/**
 * Renders the appendix with LibreOffice and compares each contents entry's page with the first page
 * after the contents where its heading stands on a line of its own.
 */
async function checkContents(file: string) {
  const { text, pages, pdf } = await docxToText(file);
  const pageTexts = text.split('\f');
  const entries = tocLines(pageTexts[0]! + pageTexts[1]!);
  const linesOf = (page: number) => pageTexts[page - 1]!.split('\n').map((l) => squeeze(l).trim());
  // A heading on a line of its own, or the first line of a heading that wraps.
  const startsHeading = (line: string, heading: string) =>
    line === heading || (line.length >= 30 && heading.startsWith(`${line} `));
  const contentsPages = pageTexts.findIndex((p) => !/\.{4,}\s*\d+\s*$/m.test(p));
  const wrong = [];
  for (const { heading, page } of entries) {
    let found = contentsPages + 1;
    while (found <= pageTexts.length && !linesOf(found).some((l) => startsHeading(l, heading))) found += 1;
    if (found !== page) wrong.push(`${heading}: contents say ${page}, heading on ${found}`);
  }
  return { pages, pdf, entries, wrong };
}

describe('The contents of a long appendix in LibreOffice', { timeout: TIMEOUT }, () => {
  it('gives every heading the page it is on, over 100+ pages of long quotes, memos and tables', async () => {
    const { session, dir } = await newProjectSession();
    const codeGroupIds = await longStudy(session, dir);
    const target = path.join(dir, 'appendix.docx');
    await exportTo(
      session,
      {
        title: 'Civil-military cooperation: coded evidence',
        sections: ['evidence', 'cooccurrence', 'timeline', 'frequencies', 'codebook'],
        codeGroupIds,
        includeMemos: true,
      },
      'docx',
      target,
    );
    const { pages, pdf, entries, wrong } = await checkContents(target);
    expect(pages, 'a long appendix').toBeGreaterThan(100);
    expect(entries.length, 'groups, codes and tables in the contents').toBeGreaterThanOrEqual(19);
    expect(entries.at(-1)!.page, 'the last part far into the appendix').toBeGreaterThan(100);
    expect(wrong).toEqual([]);

    // The contents page as a PNG to look at: PASSAGE_TOC_PNG=/some/folder.
    const shots = process.env.PASSAGE_TOC_PNG;
    if (shots)
      await run('pdftoppm', ['-f', '1', '-l', '2', '-r', '70', '-png', pdf, path.join(shots, 'contents')]);
  });

  it('gives every heading of the example study its page: sub-codes, speakers, a 25-column table, the codebook', async () => {
    const { session, dir } = await newProjectSession();
    await invoke(session, 'project.createDemo', { path: path.join(dir, 'example.passage') });
    const groups = await invoke(session, 'codeGroups.list', {});
    const target = path.join(dir, 'example.docx');
    // Every section: a co-occurrence table of 25 codes narrowed to the page, a timeline wider than the
    // text, the codebook with its long descriptions, the list of interviews.
    await exportTo(
      session,
      { sections: [...ALL_SECTIONS], codeGroupIds: groups.map((g) => g.id), includeMemos: true },
      'docx',
      target,
    );
    const { pages, entries, wrong } = await checkContents(target);
    expect(pages).toBeGreaterThan(30);
    expect(entries.map((e) => e.heading)).toEqual(
      expect.arrayContaining([
        'Public legitimacy',
        'Co-occurrence of codes',
        'Codebook',
        'List of interviews',
      ]),
    );
    expect(wrong).toEqual([]);
  });
});
