/**
 * What a merge reads from the other project (FROM): its rows keyed by their ids there, with GUIDs.
 * Document texts are not held: the merge reads one when it needs it (a new document, an edited one).
 */
import type Database from 'better-sqlite3';
import { COPIED_AT_KEY } from './copies';

type Value = string | number | null;
/** A row as read, with its id and GUID in FROM; the other columns as the table has them. */
export interface SourceRow {
  [column: string]: Value;
  id: number;
  guid: string;
}
interface Coder extends SourceRow {
  name: string;
  color: string | null;
  created_at: string;
}
interface Participant extends SourceRow {
  label: string;
  category_id: number | null;
}
interface Document extends SourceRow {
  title: string;
  content_hash: string;
  participant_id: number | null;
  imported_at: string;
}
interface Code extends SourceRow {
  parent_id: number | null;
  name: string;
  shortcut: string | null;
  created_at: string;
}
interface Named extends SourceRow {
  name: string;
}
interface DocumentGroup extends Named {
  description: string;
  query: string | null;
  created_at: string;
}
interface Attribute extends Named {
  scope: string;
  type: string;
}
interface Segment extends SourceRow {
  document_id: number;
  code_id: number;
  coder_id: number;
  start_utf16: number;
  end_utf16: number;
  text: string;
}
interface Memo extends SourceRow {
  document_id: number | null;
  code_id: number | null;
}

export type SourceDocument = Document;
export type SourceCode = Code;
export type SourceParticipant = Participant;

export interface MergeSource {
  /** When FROM was made as a coding copy (ISO time), or null for any other project. */
  copiedAt: string | null;
  coders: Coder[];
  /** Every column, to bring a participant in whole. */
  participants: Participant[];
  participantCategories: { id: number; name: string; position: number }[];
  participantAttributeValues: { participant_id: number; attribute_id: number; value: string }[];
  documents: Document[];
  codes: Code[];
  codeGroups: Named[];
  codeGroupMembers: { group_id: number; code_id: number }[];
  documentGroups: DocumentGroup[];
  documentGroupMembers: { group_id: number; document_id: number }[];
  attributes: Attribute[];
  attributeValues: { document_id: number; attribute_id: number; value: string }[];
  segments: Segment[];
  memos: Memo[];
  documentText(id: number): { text: string; pages: Record<string, Value>[]; turns: Record<string, Value>[] };
}

const all = <T>(db: Database.Database, sql: string): T[] => db.prepare(sql).all() as T[];

export function readMergeSource(db: Database.Database): MergeSource {
  const setting = db.prepare('SELECT value FROM project_settings WHERE key = ?').get(COPIED_AT_KEY) as
    { value: string } | undefined;
  return {
    copiedAt: setting?.value ?? null,
    coders: all(db, 'SELECT id, guid, name, color, created_at FROM coders ORDER BY id'),
    participants: all(db, 'SELECT * FROM participants ORDER BY id'),
    participantCategories: all(db, 'SELECT id, name, position FROM participant_categories ORDER BY id'),
    participantAttributeValues: all(
      db,
      'SELECT participant_id, attribute_id, value FROM participant_attribute_values',
    ),
    documents: all(
      db,
      `SELECT id, guid, title, kind, file_name, format, content_hash, date, author, page_count, word_count,
              participant_id, imported_at FROM documents ORDER BY id`,
    ),
    codes: all(
      db,
      'SELECT id, guid, parent_id, name, color, description, shortcut, position, created_at FROM codes ORDER BY id',
    ),
    codeGroups: all(db, 'SELECT id, guid, name, description, position FROM code_groups ORDER BY id'),
    codeGroupMembers: all(db, 'SELECT group_id, code_id FROM code_group_members'),
    documentGroups: all(
      db,
      'SELECT id, guid, name, description, query, created_at FROM document_groups ORDER BY id',
    ),
    documentGroupMembers: all(db, 'SELECT group_id, document_id FROM document_group_members'),
    attributes: all(db, 'SELECT id, guid, scope, name, type FROM attributes ORDER BY id'),
    attributeValues: all(db, 'SELECT document_id, attribute_id, value FROM document_attribute_values'),
    segments: all(
      db,
      `SELECT id, guid, document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at
       FROM segments ORDER BY id`,
    ),
    memos: all(
      db,
      'SELECT id, guid, document_id, code_id, title, body, author, created_at, updated_at FROM memos ORDER BY id',
    ),
    documentText(id) {
      const { text } = db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string };
      return {
        text,
        pages: db
          .prepare('SELECT page, start_utf16, end_utf16 FROM document_pages WHERE document_id = ?')
          .all(id) as Record<string, Value>[],
        turns: db
          .prepare('SELECT speaker, start_utf16, end_utf16 FROM turns WHERE document_id = ?')
          .all(id) as Record<string, Value>[],
      };
    },
  };
}
