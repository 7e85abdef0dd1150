import type Database from 'better-sqlite3';
import { insertDocument, type DocumentInput } from '../../electron/store/documents';

export type TestDocument = Partial<DocumentInput> & { text: string };

/** Documents inserted the way the importer stores them (normalised text, turns, FTS triggers). */
export function addDocs(db: Database.Database, docs: (string | TestDocument)[]): number[] {
  return docs.map((doc, i) => {
    const input = typeof doc === 'string' ? { text: doc } : doc;
    return insertDocument(db, { title: `Doc ${i + 1}`, ...input });
  });
}
