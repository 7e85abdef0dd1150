import type Database from 'better-sqlite3';
import type {
  DocumentContent,
  DocumentFormat,
  DocumentKind,
  DocumentSummary,
  Page,
} from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { hashText } from './contentHash';
import { normaliseText } from '../../shared/text/normalise';
import { countWords } from '../../shared/text/wordCount';
import { attributesOfDocuments } from './attributes';
import { statement } from './statements';
import type { Journal, Row } from './undo';
import { insertPages, insertTurns, listPages, listTurns, type TurnInput } from './turns';

export interface DocumentInput {
  title: string;
  /**
   * The text; UTF-8 bytes only from the importer, which has normalised, hashed and counted them
   * (contentHash and wordCount given) and binds them without re-encoding a string.
   */
  text: string | Uint8Array;
  kind?: DocumentKind;
  fileName?: string;
  format?: DocumentFormat;
  date?: string | null;
  author?: string | null;
  pageCount?: number | null;
  participantId?: number | null;
  turns?: readonly TurnInput[];
  pages?: readonly Page[];
  /** Given by the importer, which already normalised and hashed; computed otherwise. */
  contentHash?: string;
  wordCount?: number;
  importedAt?: string;
}

export { hashText };

/**
 * Inserts one document with its turns and pages, in one transaction, and returns its id. The text is
 * normalised (NFC, \n) here too, which is a no-op for text the importer already normalised, so tests
 * and other callers can never store text whose offsets would disagree with an imported one.
 */
export function insertDocument(db: Database.Database, input: DocumentInput): number {
  return db.transaction(() => insertDocumentRows(db, input)).immediate();
}

/** The text to bind (CAST to TEXT in SQL, so bytes are stored as text), with its hash and word count. */
function storedText(input: DocumentInput): {
  text: string | Uint8Array;
  contentHash: string;
  wordCount: number;
} {
  if (typeof input.text === 'string') {
    const text = input.contentHash === undefined ? normaliseText(input.text) : input.text;
    return {
      text,
      contentHash: input.contentHash ?? hashText(text),
      wordCount: input.wordCount ?? countWords(text),
    };
  }
  if (input.contentHash === undefined || input.wordCount === undefined)
    throw new Error('insertDocument: text as bytes needs its contentHash and wordCount');
  return { text: input.text, contentHash: input.contentHash, wordCount: input.wordCount };
}

/**
 * insertDocument without a transaction of its own, for the importer, which writes a batch of files
 * in one transaction it already holds (and rolls back whole if any statement fails).
 */
export function insertDocumentRows(db: Database.Database, input: DocumentInput): number {
  const { text, contentHash, wordCount } = storedText(input);
  const row = statement(
    db,
    `INSERT INTO documents
       (title, kind, file_name, format, content_hash, text, date, author, page_count, word_count,
        participant_id, imported_at)
     VALUES (:title, :kind, :fileName, :format, :contentHash, CAST(:text AS TEXT), :date, :author, :pageCount,
        :wordCount, :participantId, :importedAt)
     RETURNING id`,
  ).get({
    title: input.title,
    kind: input.kind ?? 'document',
    fileName: input.fileName ?? `${input.title}.txt`,
    format: input.format ?? 'txt',
    contentHash,
    text,
    date: input.date ?? null,
    author: input.author ?? null,
    pageCount: input.pageCount ?? null,
    wordCount,
    participantId: input.participantId ?? null,
    importedAt: input.importedAt ?? new Date().toISOString(),
  }) as { id: number };
  if (input.turns) insertTurns(db, row.id, input.turns);
  if (input.pages) insertPages(db, row.id, input.pages);
  return row.id;
}

// Every column here is in the documents_list index (0150), so the list never reads a document's row
// and its text: `year` is computed from `date` rather than read as the generated column, which would
// need the row. The counts come from the table the segments' triggers keep.
const SUMMARY_COLUMNS = `d.id, d.title, d.kind, d.file_name AS fileName, d.format, d.date,
  CAST(substr(d.date, 1, 4) AS INTEGER) AS year,
  d.author, d.page_count AS pageCount, d.word_count AS wordCount, d.participant_id AS participantId,
  d.imported_at AS importedAt,
  coalesce((SELECT c.segments FROM document_segment_counts c WHERE c.document_id = d.id), 0) AS segmentCount`;

type SummaryRow = Omit<DocumentSummary, 'attributes'>;

export interface DocumentFilters {
  kind?: DocumentKind;
  groupId?: number;
  titleContains?: string;
  limit?: number;
  offset?: number;
}

/** Exported for the test that keeps its plan on the documents_list index. */
export const LIST_DOCUMENTS_SQL = `SELECT ${SUMMARY_COLUMNS} FROM documents d
     WHERE (:kind IS NULL OR d.kind = :kind)
       AND (:groupId IS NULL OR d.id IN (SELECT document_id FROM document_group_members WHERE group_id = :groupId))
       AND (:titleLike IS NULL OR d.title LIKE :titleLike ESCAPE '\\')
     ORDER BY d.title COLLATE NOCASE, d.id
     LIMIT :limit OFFSET :offset`;

/** Documents in title order, filtered; every filter is optional (NULL parameters match all). */
export function listDocuments(db: Database.Database, filters: DocumentFilters = {}): DocumentSummary[] {
  const rows = statement(db, LIST_DOCUMENTS_SQL).all({
    kind: filters.kind ?? null,
    groupId: filters.groupId ?? null,
    titleLike:
      filters.titleContains === undefined || filters.titleContains === ''
        ? null
        : `%${filters.titleContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    limit: filters.limit ?? -1,
    offset: filters.offset ?? 0,
  }) as SummaryRow[];
  const attributes = attributesOfDocuments(db, rows.length > 500 ? 'all' : rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, attributes: attributes.get(row.id) ?? {} }));
}

export function findDocument(db: Database.Database, id: number): DocumentSummary | undefined {
  const row = statement(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = :id`).get({ id }) as
    SummaryRow | undefined;
  if (!row) return undefined;
  return { ...row, attributes: attributesOfDocuments(db, [id]).get(id) ?? {} };
}

export function requireDocument(db: Database.Database, id: number): DocumentSummary {
  const document = findDocument(db, id);
  if (!document) throw new PassageError('not_found', `document ${id} does not exist`);
  return document;
}

export function getDocumentContent(db: Database.Database, id: number): DocumentContent {
  const document = requireDocument(db, id);
  const { text } = statement(db, `SELECT text FROM documents WHERE id = :id`).get({ id }) as { text: string };
  return { document, text, turns: listTurns(db, id), pages: listPages(db, id) };
}

export interface DocumentChanges {
  title?: string;
  kind?: DocumentKind;
  date?: string | null;
  author?: string | null;
  participantId?: number | null;
}

/** Changes metadata only: the text is never changed after import (segments point into it). */
export function updateDocument(db: Database.Database, id: number, changes: DocumentChanges): DocumentSummary {
  return db
    .transaction(() => {
      const current = requireDocument(db, id);
      const next = {
        title: changes.title ?? current.title,
        kind: changes.kind ?? current.kind,
        date: changes.date === undefined ? current.date : changes.date,
        author: changes.author === undefined ? current.author : changes.author,
        participantId: changes.participantId === undefined ? current.participantId : changes.participantId,
      };
      if (next.participantId !== null && next.participantId !== current.participantId) {
        const exists = statement(db, `SELECT 1 FROM participants WHERE id = :id`).get({
          id: next.participantId,
        });
        if (!exists) throw new PassageError('not_found', `participant ${next.participantId} does not exist`);
      }
      statement(
        db,
        `UPDATE documents SET title = :title, kind = :kind, date = :date, author = :author,
         participant_id = :participantId WHERE id = :id`,
      ).run({ id, ...next });
      return requireDocument(db, id);
    })
    .immediate();
}

/** Deletes documents (their turns, pages, segments, memos and attribute values go by cascade). */
/** What deleting these documents takes with it, for the confirmation ("with 12 coded segments…"). */
export function deletionImpact(
  db: Database.Database,
  ids: readonly number[],
): { documents: number; segments: number; memos: number } {
  const unique = requireDocuments(db, ids);
  const params = { ids: JSON.stringify(unique) };
  const count = (sql: string) => (statement(db, sql).get(params) as { n: number }).n;
  return {
    documents: unique.length,
    segments: count(
      'SELECT count(*) AS n FROM segments WHERE document_id IN (SELECT value FROM json_each(@ids))',
    ),
    memos: count('SELECT count(*) AS n FROM memos WHERE document_id IN (SELECT value FROM json_each(@ids))'),
  };
}

function requireDocuments(db: Database.Database, ids: readonly number[]): number[] {
  const unique = [...new Set(ids)];
  const exists = statement(db, 'SELECT 1 FROM documents WHERE id = @id');
  for (const id of unique)
    if (!exists.get({ id })) throw new PassageError('not_found', `document ${id} does not exist`);
  return unique;
}

// Every row that hangs off a document, removed through the journal before the document so that undo
// puts back the document, then its pages, turns, values, memberships, segments and memos, with the
// same ids and GUIDs.
const DEPENDENTS = [
  ['segments', 'SELECT id FROM segments WHERE document_id = @id'],
  ['memos', 'SELECT id FROM memos WHERE document_id = @id'],
  ['document_pages', 'SELECT document_id, page FROM document_pages WHERE document_id = @id'],
  ['turns', 'SELECT id FROM turns WHERE document_id = @id'],
  [
    'document_attribute_values',
    'SELECT document_id, attribute_id FROM document_attribute_values WHERE document_id = @id',
  ],
  [
    'document_group_members',
    'SELECT group_id, document_id FROM document_group_members WHERE document_id = @id',
  ],
] as const;

/**
 * Deletes documents with everything coded in them, as one journalled change (wrap in runUndoable), so
 * the researcher can undo it. Returns what went with them.
 */
export function deleteDocuments(
  db: Database.Database,
  journal: Journal,
  ids: readonly number[],
): { deleted: number; segments: number; memos: number } {
  const unique = requireDocuments(db, ids);
  let segments = 0;
  let memos = 0;
  for (const id of unique) {
    for (const [table, sql] of DEPENDENTS) {
      const keys = statement(db, sql).all({ id }) as Row[];
      if (table === 'segments') segments += keys.length;
      if (table === 'memos') memos += keys.length;
      for (const key of keys) journal.remove(table, key);
    }
    journal.remove('documents', { id });
  }
  return { deleted: unique.length, segments, memos };
}

/** Removes documents an import just wrote and is taking back (cancelled): nothing was coded in them yet. */
export function removeImportedDocuments(db: Database.Database, ids: readonly number[]): void {
  const remove = statement(db, 'DELETE FROM documents WHERE id = :id');
  for (const id of ids) remove.run({ id });
}

/** The document already holding this content, if any (duplicate detection at import). */
export function findByContentHash(
  db: Database.Database,
  contentHash: string,
): { id: number; title: string } | undefined {
  return statement(db, `SELECT id, title FROM documents WHERE content_hash = :contentHash LIMIT 1`).get({
    contentHash,
  }) as { id: number; title: string } | undefined;
}
