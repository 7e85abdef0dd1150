import type Database from 'better-sqlite3';

/** Inserts plain-text documents directly (until the import engineer's insertDocument exists). */
export function addDocs(
  db: Database.Database,
  texts: string[],
  kind: 'interview' | 'document' = 'document',
): number[] {
  const insert = db.prepare(
    `INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
     VALUES (@title, @kind, @fileName, 'txt', @hash, @text, @words, @at)`,
  );
  return texts.map((text, i) =>
    Number(
      insert.run({
        title: `Doc ${i + 1}`,
        kind,
        fileName: `doc${i + 1}.txt`,
        hash: `h${i}-${text.length}`,
        text,
        words: text.split(/\s+/).filter(Boolean).length,
        at: new Date().toISOString(),
      }).lastInsertRowid,
    ),
  );
}
