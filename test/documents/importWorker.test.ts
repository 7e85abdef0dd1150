// The import's worker thread (bundled from the sources here, as scripts/build.mjs does) must store
// exactly what the job stores when it prepares every file itself: same texts, hashes, word counts,
// dates, turns, refusals and duplicates. And a worker that fails must not fail the import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/backend/session';
import { configurePrepareWorker, workerStats } from '../../electron/import/preparePool';
import { newProjectSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import { utf16le, windows1252 } from './fixtures';
import { failureReasons, importAndWait } from './importHelpers';

let out = '';
let script = '';

beforeAll(async () => {
  // Not tempDir(): that is removed after each test, and the bundle serves them all.
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-worker-'));
  script = path.join(out, 'prepareWorker.cjs');
  await build({
    absWorkingDir: path.resolve(__dirname, '../..'),
    entryPoints: ['electron/import/prepareWorker.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: script,
    logLevel: 'warning',
  });
});

afterAll(() => {
  configurePrepareWorker({ script: null, minFiles: 16, exclusive: false });
  fs.rmSync(out, { recursive: true, force: true });
});

/** A folder exercising every branch of plain-text preparation, and enough files to keep a worker busy. */
function writeCorpus(dir: string): void {
  const file = (name: string, data: string | Buffer): void => fs.writeFileSync(path.join(dir, name), data);
  file('a plain.txt', 'Plain ASCII text, nothing to change.');
  file('b trailing newline 2019-05-12.txt', 'Ends with blank lines — naïve.\n\n\n');
  file('c crlf.txt', 'Line one\r\nLine two\rLine three\r\n');
  file('d bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Heading\n\nBody é.\n')]));
  file('e utf16.txt', utf16le('UTF-16 text: Genève, “quotes”.\r\n'));
  file('f cp1252.txt', windows1252('Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve.\r\n'));
  file('g nfd.txt', 'Cafe\u0301 decomposed, A\u030a too.');
  file('h empty.txt', '');
  file('i binary.txt', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10]));
  file('j duplicate of a.txt', 'Plain ASCII text, nothing to change.');
  file('k blank.txt', ' \n\t\n');
  file('l separators.txt', 'One\u2028two\u2029three');
  file(
    'm interview.txt',
    'Header line\n\nInterviewer: How did it start?\nRespondent: Slowly.\n\nInterviewer: Why?\n',
  );
  for (let i = 0; i < 40; i++)
    file(
      `n bulk ${String(i).padStart(2, '0')}.txt`,
      `Bulk file ${i}: protection of civilians. `.repeat(200 + i),
    );
}

async function importFolder(kind: 'document' | 'interview'): Promise<{ session: Session; summary: unknown }> {
  const { session } = await newProjectSession();
  const dir = tempDir();
  writeCorpus(dir);
  const { summary } = await importAndWait(session, { paths: [dir], kind });
  return { session, summary };
}

/** Everything stored, in a comparable form (ids and import times left out). */
function stored(session: Session): unknown {
  const { db } = session.requireProject();
  return {
    documents: db
      .prepare(
        `SELECT title, kind, file_name, format, content_hash, typeof(text) AS type, text, date, word_count
         FROM documents ORDER BY title`,
      )
      .all(),
    turns: db
      .prepare(
        `SELECT d.title, t.speaker, t.start_utf16, t.end_utf16 FROM turns t JOIN documents d ON d.id = t.document_id
         ORDER BY d.title, t.start_utf16`,
      )
      .all(),
    hits: db.prepare(`SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'civilians'`).get(),
  };
}

/** A summary without ids and without the (temporary, different) folder name. */
const comparable = (summary: unknown): string =>
  JSON.stringify(summary)
    .replace(/"(documentId|existingDocumentId)":\d+/g, '')
    .replace(/"name":"[^"/\\]+[/\\]/g, '"name":"');

describe('import: the worker thread prepares files exactly as the job does', () => {
  it.each(['document', 'interview'] as const)(
    'stores the same %s rows with and without the worker',
    async (kind) => {
      configurePrepareWorker({ script: null });
      const alone = await importFolder(kind);
      configurePrepareWorker({ script, minFiles: 1, exclusive: true });
      const before = workerStats.prepared;
      const helped = await importFolder(kind);
      expect(workerStats.prepared - before).toBeGreaterThan(0);

      expect(comparable(helped.summary)).toBe(comparable(alone.summary));
      expect(stored(helped.session)).toEqual(stored(alone.session));
      // Worked out by hand for a few files, so the comparison cannot pass by both paths being wrong.
      const { db } = helped.session.requireProject();
      const row = (title: string): { text: string; type: string; date: string | null; word_count: number } =>
        db
          .prepare('SELECT text, typeof(text) AS type, date, word_count FROM documents WHERE title = ?')
          .get(title) as { text: string; type: string; date: string | null; word_count: number };
      expect(row('b trailing newline 2019-05-12')).toEqual({
        text: 'Ends with blank lines — naïve.',
        type: 'text',
        date: '2019-05-12',
        word_count: 5,
      });
      expect(row('c crlf').text).toBe('Line one\nLine two\nLine three');
      expect(row('f cp1252').text).toBe('Café “quoted” — naïve.');
      expect(row('g nfd').text).toBe('Café decomposed, Å too.');
      expect(row('l separators').text).toBe('One\ntwo\nthree');
      const reasons = failureReasons(helped.summary as Parameters<typeof failureReasons>[0]);
      expect(Object.keys(reasons).map((n) => path.basename(n))).toEqual([
        'h empty.txt',
        'i binary.txt',
        'k blank.txt',
      ]);
      if (kind === 'interview') {
        const turns = db
          .prepare(
            `SELECT speaker FROM turns t JOIN documents d ON d.id = t.document_id WHERE d.title = 'm interview'`,
          )
          .pluck()
          .all();
        expect(turns).toEqual(['Interviewer', 'Respondent', 'Interviewer']);
      }
    },
  );

  it('imports everything on the main thread when the worker fails', async () => {
    const broken = path.join(tempDir(), 'broken.cjs');
    fs.writeFileSync(broken, "throw new Error('worker failed to start');");
    configurePrepareWorker({ script: null });
    const alone = await importFolder('document');
    configurePrepareWorker({ script: broken, minFiles: 1, exclusive: true });
    const helped = await importFolder('document');
    expect(comparable(helped.summary)).toBe(comparable(alone.summary));
    expect(stored(helped.session)).toEqual(stored(alone.session));
  });
});
