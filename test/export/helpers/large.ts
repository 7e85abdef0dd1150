import type Database from 'better-sqlite3';

/** `count` segments of one code in one long interview: the large-export case, written with SQL. */
export function seedLarge(db: Database.Database, count: number): { codeId: number } {
  const t = '2026-10-01T09:00:00.000Z';
  const sentence = (i: number) => `Sentence ${i} about legitimacy and trust, ça va 🙂. `;
  let text = '';
  const spans: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const s = sentence(i);
    spans.push([text.length, text.length + s.length - 1]);
    text += s;
  }
  let codeId = 0;
  db.transaction(() => {
    const coder = db
      .prepare(`INSERT INTO coders (name, created_at) VALUES ('ana', ?)`)
      .run(t).lastInsertRowid;
    const participant = db
      .prepare(
        `INSERT INTO participants (label, status, created_at) VALUES ('Interview 1', 'interviewed', ?)`,
      )
      .run(t).lastInsertRowid;
    const doc = db
      .prepare(
        `INSERT INTO documents (title, kind, file_name, format, content_hash, text, date, word_count, participant_id, imported_at)
         VALUES ('Long interview', 'interview', 'long.txt', 'txt', 'h', ?, '2016', 1, ?, ?)`,
      )
      .run(text, participant, t).lastInsertRowid;
    codeId = Number(
      db.prepare(`INSERT INTO codes (name, color, created_at) VALUES ('Legitimacy', '#336699', ?)`).run(t)
        .lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    spans.forEach(([start, end]) => insert.run(doc, codeId, start, end, text.slice(start, end), coder, t, t));
  })();
  return { codeId };
}
