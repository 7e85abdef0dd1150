import type Database from 'better-sqlite3';

// Documents, codes and segments belong to other engineers; tests plant rows directly so the sample's
// reports can be checked against known data.

export function insertDocument(
  db: Database.Database,
  title: string,
  text = 'Some interview text here.',
): number {
  return (
    db
      .prepare(
        `INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
         VALUES (?, 'interview', ?, 'txt', ?, ?, 4, '2024-01-01T00:00:00Z') RETURNING id`,
      )
      .get(title, `${title}.txt`, `hash-${title}`, text) as { id: number }
  ).id;
}

export function insertCode(db: Database.Database, name: string): number {
  return (
    db
      .prepare(
        "INSERT INTO codes (name, color, created_at) VALUES (?, '#336699', '2024-01-01T00:00:00Z') RETURNING id",
      )
      .get(name) as { id: number }
  ).id;
}

export function insertSegment(db: Database.Database, documentId: number, codeId: number): void {
  db.prepare(
    "INSERT OR IGNORE INTO coders (name, created_at) VALUES ('tester', '2024-01-01T00:00:00Z')",
  ).run();
  const coder = (db.prepare("SELECT id FROM coders WHERE name = 'tester'").get() as { id: number }).id;
  db.prepare(
    `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
     VALUES (?, ?, 0, 4, 'Some', ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
  ).run(documentId, codeId, coder);
}
