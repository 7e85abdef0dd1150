// Anonymising documents already in the project: only those with no segments yet, since segments point
// into the text as it is. Their text, title, file name and speaker names are rewritten in one
// transaction, with the placeholders' places recorded as at the door. The change is deliberately not
// put on the undo journal: it would keep the real text in the project, which is exactly what the
// privacy scan must never find. Old pages are overwritten (secure_delete), the full-text index is
// rebuilt without the old words, and the write-ahead log is emptied, so the file holds no trace either.
// The originals go to the encrypted identity key instead (restore.ts), so the step can still be undone.
import type Database from 'better-sqlite3';
import type { AnonymisedDocument } from '../../shared/api/privacy';
import { PassageError } from '../../shared/api/result';
import { finishPlan, type Plan } from '../../shared/privacy/plan';
import { rewriteText, type Rewritten } from '../../shared/privacy/rewrite';
import { countWords } from '../../shared/text/wordCount';
import { hashText } from '../store/contentHash';
import { nameEntry, titleEntry, type ReadText } from './anonymise';
import { rewriteFileName } from './importAnonymiser';
import { captureOriginal, type OriginalDocument } from './restore';
import { insertAnonymisedSpans, listAnonymisedSpans } from './spans';

export interface DocumentText extends ReadText {
  id: number;
  title: string;
}

interface DocumentRow {
  id: number;
  title: string;
  fileName: string;
  text: string;
  segments: number;
}

/** How a document is listed in the review: its title, or its title and id when another has the same. */
function reviewNames(rows: readonly DocumentRow[]): string[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.title, (count.get(r.title) ?? 0) + 1);
  return rows.map((r) => (count.get(r.title)! > 1 ? `${r.title} (#${r.id})` : r.title));
}

/**
 * The documents to anonymise: those given (refused, by title, if any has segments or is missing), or
 * else every document without segments.
 */
export function uncodedDocumentTexts(db: Database.Database, documentIds?: readonly number[]): DocumentText[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.file_name AS fileName, d.text,
              (SELECT count(*) FROM segments s WHERE s.document_id = d.id) AS segments
       FROM documents d ORDER BY d.title, d.id`,
    )
    .all() as DocumentRow[];
  let chosen = rows.filter((r) => r.segments === 0);
  if (documentIds) {
    const wanted = new Set(documentIds);
    const known = new Set(rows.map((r) => r.id));
    const missing = documentIds.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new PassageError('not_found', `anonymise: no document with id ${missing.join(', ')}`);
    const coded = rows.filter((r) => wanted.has(r.id) && r.segments > 0).map((r) => `“${r.title}”`);
    if (coded.length > 0)
      throw new PassageError(
        'conflict',
        `anonymise: ${coded.join(', ')} ${coded.length === 1 ? 'has' : 'have'} coded segments, which point into the text as it is — only documents not coded yet can be anonymised`,
      );
    chosen = rows.filter((r) => wanted.has(r.id));
  }
  const names = reviewNames(chosen);
  return chosen.map((r, i) => ({
    id: r.id,
    file: names[i]!,
    fileName: r.fileName,
    title: r.title,
    text: r.text,
    contentHash: hashText(r.text),
  }));
}

/**
 * The plan without findings inside placeholders already in the documents ("P07" of "[P07]" is no
 * name to replace again).
 */
export function withoutPlaceholders(db: Database.Database, docs: readonly DocumentText[], plan: Plan): Plan {
  const spans = new Map(docs.map((d) => [d.file, listAnonymisedSpans(db, d.id)]));
  const inside = (file: string, start: number, end: number) =>
    (spans.get(file) ?? []).some((s) => s.startUtf16 < end && start < s.endUtf16);
  const groups = plan.groups
    .map((g) => ({
      ...g,
      occurrences: g.occurrences.filter((o) => !inside(o.file, o.startUtf16, o.endUtf16)),
    }))
    .filter((g) => g.occurrences.length > 0);
  return finishPlan(groups, plan.memory);
}

const moved = (rewritten: Rewritten, start: number, end: number) => ({
  start: rewritten.mapOffset(start),
  // An end inside a replaced span moves to that span's end, not its start.
  end: end === 0 ? 0 : rewritten.mapOffset(end - 1) + 1,
});

function rewriteDocument(
  db: Database.Database,
  doc: DocumentText,
  plan: Plan,
  originals: OriginalDocument[],
): AnonymisedDocument {
  const current = db.prepare('SELECT text FROM documents WHERE id = ?').get(doc.id) as
    { text: string } | undefined;
  if (!current || hashText(current.text) !== doc.contentHash)
    throw new PassageError(
      'conflict',
      `anonymise: “${doc.title}” changed since it was read — review it again`,
    );
  if (db.prepare('SELECT 1 FROM segments WHERE document_id = ? LIMIT 1').get(doc.id))
    throw new PassageError('conflict', `anonymise: “${doc.title}” was coded meanwhile — it is left as it is`);
  const replacements = plan.replacementsByFile.get(doc.file) ?? [];
  const rewritten = rewriteText(doc.text, replacements);
  const title = rewriteText(doc.title, plan.replacementsByFile.get(titleEntry(doc.file)) ?? []).text;
  const changedNames = (plan.replacementsByFile.get(nameEntry(doc.file)) ?? []).length > 0;
  const fileName = changedNames ? rewriteFileName(doc.fileName, plan, doc.file) : doc.fileName;
  if (replacements.length === 0 && title === doc.title && fileName === doc.fileName)
    return { id: doc.id, title, replacements: 0 };
  const original = captureOriginal(db, doc.id);
  original.anonymisedHash = hashText(rewritten.text);
  originals.push(original);
  db.prepare(
    `UPDATE documents SET text = @text, title = @title, file_name = @fileName, content_hash = @hash,
       word_count = @words, author = NULL WHERE id = @id`,
  ).run({
    id: doc.id,
    text: rewritten.text,
    title,
    fileName,
    hash: hashText(rewritten.text),
    words: countWords(rewritten.text),
  });
  const turns = db
    .prepare('SELECT id, start_utf16 AS s, end_utf16 AS e FROM turns WHERE document_id = ?')
    .all(doc.id) as { id: number; s: number; e: number }[];
  for (const t of turns) {
    const { start, end } = moved(rewritten, t.s, t.e);
    db.prepare('UPDATE turns SET start_utf16 = ?, end_utf16 = ? WHERE id = ?').run(start, end, t.id);
  }
  const pages = db
    .prepare('SELECT page, start_utf16 AS s, end_utf16 AS e FROM document_pages WHERE document_id = ?')
    .all(doc.id) as { page: number; s: number; e: number }[];
  for (const p of pages) {
    const { start, end } = moved(rewritten, p.s, p.e);
    db.prepare(
      'UPDATE document_pages SET start_utf16 = ?, end_utf16 = ? WHERE document_id = ? AND page = ?',
    ).run(start, end, doc.id, p.page);
  }
  // A speaker is often named as in the text ("Marcus:"): the same replacements, by surface form.
  const speakers = db.prepare('SELECT id, speaker FROM turns WHERE document_id = ?').all(doc.id) as {
    id: number;
    speaker: string;
  }[];
  const bySurface = new Map(
    replacements.map((r) => [doc.text.slice(r.startUtf16, r.endUtf16), r.placeholder]),
  );
  for (const t of speakers) {
    let speaker = t.speaker;
    for (const [surface, placeholder] of bySurface) speaker = speaker.split(surface).join(placeholder);
    if (speaker !== t.speaker) db.prepare('UPDATE turns SET speaker = ? WHERE id = ?').run(speaker, t.id);
  }
  // Placeholders of an earlier anonymisation move with the text; the new ones join them.
  const earlier = listAnonymisedSpans(db, doc.id);
  db.prepare('DELETE FROM anonymised_spans WHERE document_id = ?').run(doc.id);
  insertAnonymisedSpans(db, doc.id, [
    ...earlier.map((s) => {
      const { start, end } = moved(rewritten, s.startUtf16, s.endUtf16);
      return { ...s, startUtf16: start, endUtf16: end };
    }),
    ...rewritten.spans,
  ]);
  return { id: doc.id, title, replacements: replacements.length };
}

/** Rewrites the documents with the plan in one transaction, then leaves no old page behind. */
/** The FTS5 tables over documents, however many migrations have added. */
function fullTextIndexes(db: Database.Database): string[] {
  return db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%' AND name LIKE 'documents_fts%'",
    )
    .pluck()
    .all() as string[];
}

export function anonymiseDocuments(
  db: Database.Database,
  docs: readonly DocumentText[],
  plan: Plan,
): { documents: AnonymisedDocument[]; originals: OriginalDocument[] } {
  const originals: OriginalDocument[] = [];
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    const done = db
      .transaction(() => {
        const out = docs.map((d) => rewriteDocument(db, d, plan, originals));
        // Each full-text index (exact words, word forms) keeps deleted words in its segments until
        // they are merged.
        for (const table of fullTextIndexes(db))
          db.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('optimize')`).run();
        return out;
      })
      .immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { documents: done, originals };
  } finally {
    db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  }
}
