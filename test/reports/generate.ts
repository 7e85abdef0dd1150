import type Database from 'better-sqlite3';
import { seededRandom } from '../../shared/seededRandom';

export interface GeneratedStudy {
  codeIds: number[];
  /** The code given exactly `bigCodeSegments` segments. */
  bigCodeId: number;
  documentIds: number[];
}

/**
 * Fills a project with the bench's shape: `documents` documents over 20 years, `codes` codes, `segments`
 * segments (the first code gets `bigCodeSegments` of them), with plain SQL in one transaction.
 */
export function generateStudy(
  db: Database.Database,
  options = { documents: 648, codes: 60, segments: 100_000, bigCodeSegments: 5_000, seed: 7 },
): GeneratedStudy {
  const next = seededRandom(options.seed);
  const now = '2026-01-01T00:00:00.000Z';
  return db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO coders (name, created_at) VALUES ('bench', ?)").run(now);
    const coderId = (db.prepare("SELECT id FROM coders WHERE name = 'bench'").get() as { id: number }).id;
    const codeIds: number[] = [];
    const insertCode = db.prepare(
      "INSERT INTO codes (parent_id, name, color, position, created_at) VALUES (?, ?, '#446688', ?, ?)",
    );
    for (let i = 0; i < options.codes; i++) {
      const parent = i >= 10 ? codeIds[i % 10]! : null; // 10 roots with children
      codeIds.push(Number(insertCode.run(parent, `Code ${i + 1}`, i, now).lastInsertRowid));
    }
    const insertParticipant = db.prepare('INSERT INTO participants (label, created_at) VALUES (?, ?)');
    const insertDocument = db.prepare(
      `INSERT INTO documents (title, kind, file_name, format, content_hash, text, date, word_count, participant_id, imported_at)
       VALUES (?, ?, ?, 'txt', ?, 'text', ?, 1, ?, ?)`,
    );
    const documentIds: number[] = [];
    for (let d = 0; d < options.documents; d++) {
      const interview = d % 3 === 0;
      const participant = interview
        ? Number(insertParticipant.run(`Interview ${d + 1}`, now).lastInsertRowid)
        : null;
      const year = 2000 + (d % 20);
      documentIds.push(
        Number(
          insertDocument.run(
            `Document ${d + 1}`,
            interview ? 'interview' : 'document',
            `d${d}.txt`,
            `h${d}`,
            `${year}-01-01`,
            participant,
            now,
          ).lastInsertRowid,
        ),
      );
    }
    const insertSegment = db.prepare(
      `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const quote = 'a quoted passage of some length, as evidence reports read it';
    for (let s = 0; s < options.segments; s++) {
      const codeId =
        s < options.bigCodeSegments ? codeIds[0]! : codeIds[1 + Math.floor(next() * (options.codes - 1))]!;
      const documentId = documentIds[Math.floor(next() * documentIds.length)]!;
      const start = Math.floor(next() * 60_000);
      const end = start + 20 + Math.floor(next() * 600);
      insertSegment.run(documentId, codeId, start, end, quote, coderId, now, now);
    }
    return { codeIds, bigCodeId: codeIds[0]!, documentIds };
  })();
}
