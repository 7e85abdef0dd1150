import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { JobProgress } from '../jobs/progress';
import { closeProject, openProject } from '../store/openProject';
import { runImport } from './importJob';
import { listPathSources } from './sources';

export interface ImportMeasurement {
  documents: number;
  bytes: number;
  /** Passage's bulk import of the files (reading, decoding, normalising, hashing, one transaction per file, FTS). */
  importMs: number;
  /** A bare better-sqlite3 loop inserting the same texts into a table plus an FTS5 index in one transaction. */
  baselineMs: number;
  ratio: number;
}

const WORDS = (
  'the of and to in a is that for on with as by NGO NATO civilian protection casualties mandate ' +
  'legitimacy effectiveness operation humanitarian access partners security council resolution ' +
  'government non-governmental organisation coordination report mission Genève naïve population'
).split(' ');

/** Deterministic prose of about `bytes` bytes, in paragraphs, so every run measures the same corpus. */
export function generateText(seed: number, bytes: number): string {
  let state = seed * 2654435761 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const parts: string[] = [];
  let size = 0;
  let sentence = 0;
  while (size < bytes) {
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    parts.push(word);
    size += word.length + 1;
    if (++sentence % 14 === 0) parts.push(sentence % 70 === 0 ? '.\n\n' : '.');
  }
  return parts.join(' ');
}

const noProgress: JobProgress = { update() {}, signal: new AbortController().signal };

/**
 * Times importing `documents` generated plain-text files (≈ `totalBytes` in all) into a new project
 * against the bare baseline, on the same texts, in temp folders that are removed afterwards. Used by
 * the bench (issue 3: the import must take at most 1.5× the baseline).
 */
export async function measureImportSpeed(
  documents = 648,
  totalBytes = 13 * 1024 * 1024,
): Promise<ImportMeasurement> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-import-bench-'));
  try {
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    const texts: string[] = [];
    for (let i = 0; i < documents; i++) {
      const text = generateText(i + 1, Math.round(totalBytes / documents));
      texts.push(text);
      fs.writeFileSync(path.join(corpus, `document ${String(i).padStart(4, '0')}.txt`), text);
    }
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

    const baselineDb = new Database(path.join(dir, 'baseline.sqlite'));
    baselineDb.pragma('journal_mode = WAL');
    baselineDb.pragma('synchronous = NORMAL');
    baselineDb.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL);
      CREATE VIRTUAL TABLE docs_fts USING fts5 (text, content = 'docs', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2');`);
    const baselineStart = performance.now();
    const insertDoc = baselineDb.prepare('INSERT INTO docs (title, text) VALUES (?, ?)');
    const insertFts = baselineDb.prepare('INSERT INTO docs_fts (rowid, text) VALUES (?, ?)');
    baselineDb.transaction(() => {
      texts.forEach((text, i) => {
        const title = `document ${i}`;
        const id = insertDoc.run(title, text).lastInsertRowid;
        insertFts.run(id, text);
      });
    })();
    const baselineMs = performance.now() - baselineStart;
    baselineDb.close();

    const project = await openProject(path.join(dir, 'bench.passage'), { create: true });
    try {
      const importStart = performance.now();
      const summary = await runImport(
        project.db,
        listPathSources([corpus]),
        { kind: 'document', allowDuplicates: false },
        noProgress,
      );
      const importMs = performance.now() - importStart;
      if (summary.imported.length !== documents)
        throw new Error(
          `bench import: ${summary.failed.length} failed, ${summary.duplicates.length} duplicates`,
        );
      return { documents, bytes, importMs, baselineMs, ratio: importMs / baselineMs };
    } finally {
      closeProject(project);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
