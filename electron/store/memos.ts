/**
 * Memos on the project (no target), a document or a code; a segment's memo lives on the segment row but is
 * listed here too. Changes go through a Journal (wrap in runUndoable, electron/store/undo.ts).
 *
 *   listMemos(db, { query?, target? }): Memo[]   newest first; query matches title, body or target label
 *   getMemo(db, id): Memo
 *   createMemo(db, journal, { documentId?, codeId?, title?, body, author }): number
 *   updateMemo(db, journal, id, { title?, body? }) ·  deleteMemo(db, journal, id)
 */
import type Database from 'better-sqlite3';
import type { Memo } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { statement } from './statements';
import type { Journal } from './undo';

export type MemoTarget = { kind: 'project' } | { kind: 'document' | 'code' | 'segment'; id: number };

// Both memo sources in one shape, so search, filter and order are one query.
const ALL_MEMOS = `
  SELECT m.id,
    CASE WHEN m.document_id IS NOT NULL THEN 'document' WHEN m.code_id IS NOT NULL THEN 'code' ELSE 'project' END AS kind,
    coalesce(m.document_id, m.code_id) AS targetId,
    coalesce(d.title, c.name, '') AS targetLabel,
    m.document_id AS documentId, NULL AS startUtf16, NULL AS endUtf16,
    m.title, m.body, m.author, m.created_at AS createdAt, m.updated_at AS updatedAt
  FROM memos m LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes c ON c.id = m.code_id
  UNION ALL
  SELECT s.id, 'segment', s.id, substr(s.text, 1, 80), s.document_id, s.start_utf16, s.end_utf16,
    '', s.memo, k.name, s.created_at, s.updated_at
  FROM segments s JOIN coders k ON k.id = s.coder_id WHERE s.memo <> ''`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function listMemos(db: Database.Database, options: { query?: string; target?: MemoTarget }): Memo[] {
  const target = options.target;
  const query = options.query?.trim();
  return statement(
    db,
    `SELECT * FROM (${ALL_MEMOS})
     WHERE (@kind IS NULL OR (kind = @kind AND (@targetId IS NULL OR targetId = @targetId)))
       AND (@pattern IS NULL OR title LIKE @pattern ESCAPE '\\' OR body LIKE @pattern ESCAPE '\\'
            OR targetLabel LIKE @pattern ESCAPE '\\')
     ORDER BY updatedAt DESC, kind, id LIMIT 5000`,
  ).all({
    kind: target?.kind ?? null,
    targetId: target && target.kind !== 'project' ? target.id : null,
    pattern: query ? `%${escapeLike(query)}%` : null,
  }) as Memo[];
}

export function getMemo(db: Database.Database, id: number): Memo {
  const row = statement(db, `SELECT * FROM (${ALL_MEMOS}) WHERE kind <> 'segment' AND id = @id`).get({
    id,
  }) as Memo | undefined;
  if (!row) throw new PassageError('not_found', `memo ${id} does not exist`);
  return row;
}

export function createMemo(
  db: Database.Database,
  journal: Journal,
  input: { documentId?: number; codeId?: number; title?: string; body: string; author: string },
): number {
  if (input.documentId !== undefined && input.codeId !== undefined) {
    throw new PassageError('invalid_argument', 'a memo is on a document or a code, not both');
  }
  if (
    input.documentId !== undefined &&
    !statement(db, 'SELECT 1 FROM documents WHERE id = @id').get({ id: input.documentId })
  ) {
    throw new PassageError('not_found', `document ${input.documentId} does not exist`);
  }
  if (
    input.codeId !== undefined &&
    !statement(db, 'SELECT 1 FROM codes WHERE id = @id').get({ id: input.codeId })
  ) {
    throw new PassageError('not_found', `code ${input.codeId} does not exist`);
  }
  const now = new Date().toISOString();
  const row = journal.insert('memos', {
    id: null,
    document_id: input.documentId ?? null,
    code_id: input.codeId ?? null,
    title: input.title ?? '',
    body: input.body,
    author: input.author,
    created_at: now,
    updated_at: now,
  });
  return row.id as number;
}

export function updateMemo(
  db: Database.Database,
  journal: Journal,
  id: number,
  changes: { title?: string; body?: string },
): void {
  getMemo(db, id);
  journal.update(
    'memos',
    { id },
    {
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.body !== undefined ? { body: changes.body } : {}),
      updated_at: new Date().toISOString(),
    },
  );
}

export function deleteMemo(db: Database.Database, journal: Journal, id: number): void {
  getMemo(db, id);
  journal.remove('memos', { id });
}
