import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertDocument } from '../../electron/store/documents';
import { closeProject, openProject } from '../../electron/store/openProject';
import { requireQuery, searchPage } from '../../electron/store/search';
import { migrationsUpTo, versionBefore } from '../helpers/migrations';
import { tempDir } from '../helpers/tmp';

const DOCUMENTS = [
  { title: 'Kosovo interview', text: 'The NGOs asked NATO for protection of civilians in 1999.' },
  { title: 'Libya report', text: 'Protecting civilians was the mandate; the NGO reports were read.' },
  { title: 'Legitimacy memo', text: 'Operational effectiveness mattered more than anything else.' },
  { title: 'Untitled', text: 'Nothing about the alliance here at all.' },
];

const indexes = ['documents_fts', 'documents_fts_stem'] as const;

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map(
    (c) => c.name,
  );
}

/** The ids a search finds; `textColumn` searches an index that still holds titles as searches did then. */
function found(db: Database.Database, query: string, stemming = true, textColumn = false): number[] {
  const parsed = requireQuery(query, stemming);
  const search = textColumn ? { ...parsed, fts: `text : ${parsed.fts}` } : parsed;
  return searchPage(db, search, { limit: 50, snippets: false })
    .items.map((item) => item.documentId)
    .sort((a, b) => a - b);
}

function integrityCheck(db: Database.Database): void {
  for (const table of indexes)
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run();
}

describe('migration 0180: the full-text indexes hold the text only', () => {
  it('rebuilds both indexes of a populated project over the text, finding what it found before', async () => {
    const file = path.join(tempDir(), 'old.passage');
    const before = versionBefore(180);
    const old = await openProject(file, { create: true, migrationsDir: migrationsUpTo(before) });
    const ids = DOCUMENTS.map((doc) => insertDocument(old.db, doc));
    expect(columns(old.db, 'documents_fts')).toEqual(['title', 'text']);
    const queries = [
      'NGO',
      'protection of civilians',
      '"protection of civilians"',
      'civilian*',
      'NATO OR effectiveness',
    ];
    const earlier = queries.map((q) => found(old.db, q, true, true));
    closeProject(old);

    const project = await openProject(file);
    const { db } = project;
    try {
      for (const table of indexes) expect(columns(db, table)).toEqual(['text']);
      integrityCheck(db);
      expect(queries.map((q) => found(db, q))).toEqual(earlier);
      expect(found(db, 'NGO')).toEqual([ids[0], ids[1]]);
      expect(found(db, 'NGO', false)).toEqual([ids[1]]);
      // A word only in a title was never a hit, and is not in the index at all now.
      expect(found(db, 'Kosovo')).toEqual([]);
      expect(
        db.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'kosovo'`).pluck().get(),
      ).toBe(0);
    } finally {
      closeProject(project);
    }
  });

  it('keeps both indexes in step with new, renamed, rewritten and deleted documents', async () => {
    const project = await openProject(path.join(tempDir(), 'new.passage'), { create: true });
    const { db } = project;
    try {
      const [first, second] = DOCUMENTS.map((doc) => insertDocument(db, doc));
      db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('Balkans interview', first);
      expect(found(db, 'NATO')).toEqual([first]);
      // Anonymisation rewrites a text: the old words leave both indexes, the new ones enter.
      db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(
        'The [ORGANISATION] asked for help.',
        first,
      );
      expect(found(db, 'NATO')).toEqual([]);
      expect(found(db, 'NATO', false)).toEqual([]);
      expect(found(db, 'organisations')).toEqual([first]);
      db.prepare('DELETE FROM documents WHERE id = ?').run(second);
      expect(found(db, 'civilians')).toEqual([]);
      integrityCheck(db);
    } finally {
      closeProject(project);
    }
  });
});
