import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { statement } from './statements';

// Document groups (sets of documents). Every writer wraps its work in db.transaction: better-sqlite3 turns a
// nested transaction into a savepoint, so these also run inside a caller's transaction (e.g. an import).

export interface DocumentGroupRow {
  id: number;
  name: string;
  description: string;
  query: string | null;
  createdAt: string;
  documentCount: number;
}

const groupColumns = `g.id AS id, g.name AS name, g.description AS description, g.query AS query,
  g.created_at AS createdAt,
  (SELECT count(*) FROM document_group_members m WHERE m.group_id = g.id) AS documentCount`;

export function listGroups(db: Database.Database): DocumentGroupRow[] {
  return statement(
    db,
    `SELECT ${groupColumns} FROM document_groups g ORDER BY g.name COLLATE NOCASE, g.id`,
  ).all() as DocumentGroupRow[];
}

export function getGroup(db: Database.Database, groupId: number): DocumentGroupRow {
  const row = statement(db, `SELECT ${groupColumns} FROM document_groups g WHERE g.id = @groupId`).get({
    groupId,
  }) as DocumentGroupRow | undefined;
  if (!row) throw new PassageError('not_found', `document group ${groupId} does not exist`);
  return row;
}

/** The id of the group with this name (case-insensitive), or undefined. */
export function findGroupId(db: Database.Database, name: string): number | undefined {
  const row = statement(db, 'SELECT id FROM document_groups WHERE name = @name COLLATE NOCASE').get({
    name: name.trim(),
  }) as { id: number } | undefined;
  return row?.id;
}

/** The group's id by name; throws not_found naming the group. */
export function requireGroupId(db: Database.Database, name: string): number {
  const found = findGroupId(db, name);
  if (found === undefined)
    throw new PassageError('not_found', `there is no document group named ${name.trim()}`);
  return found;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new PassageError('invalid_argument', 'name: the group needs a name');
  if (trimmed.length > 200)
    throw new PassageError('invalid_argument', 'name: a group name is at most 200 characters');
  return trimmed;
}

/** Creates a group; a name already in use (case-insensitive) is a conflict. */
export function createGroup(
  db: Database.Database,
  name: string,
  query: string | null = null,
  description = '',
): number {
  const trimmed = checkName(name);
  return db
    .transaction(() => {
      if (findGroupId(db, trimmed) !== undefined) {
        throw new PassageError('conflict', `A document group named ${trimmed} already exists`);
      }
      const info = statement(
        db,
        `INSERT INTO document_groups (name, description, query, created_at)
       VALUES (@name, @description, @query, @createdAt)`,
      ).run({ name: trimmed, description, query, createdAt: new Date().toISOString() });
      return Number(info.lastInsertRowid);
    })
    .immediate();
}

/** The id of the group with this name, created if missing. Safe inside a caller's transaction (import). */
export function ensureGroup(db: Database.Database, name: string): number {
  const trimmed = checkName(name);
  return db.transaction(() => findGroupId(db, trimmed) ?? createGroup(db, trimmed)).immediate();
}

function requireDocuments(db: Database.Database, documentIds: readonly number[]): void {
  const exists = statement(db, 'SELECT 1 FROM documents WHERE id = @id');
  for (const id of documentIds) {
    if (!exists.get({ id })) throw new PassageError('not_found', `document ${id} does not exist`);
  }
}

/** Adds documents (already-members are ignored); unknown document ids fail before anything is written. */
export function addDocumentsToGroup(
  db: Database.Database,
  groupId: number,
  documentIds: readonly number[],
): void {
  db.transaction(() => {
    getGroup(db, groupId);
    requireDocuments(db, documentIds);
    const insert = statement(
      db,
      'INSERT OR IGNORE INTO document_group_members (group_id, document_id) VALUES (@groupId, @documentId)',
    );
    for (const documentId of documentIds) insert.run({ groupId, documentId });
  }).immediate();
}

/** Removes documents from a group; documents not in it are ignored. Returns how many were removed. */
export function removeDocumentsFromGroup(
  db: Database.Database,
  groupId: number,
  documentIds: readonly number[],
): number {
  return db
    .transaction(() => {
      getGroup(db, groupId);
      const del = statement(
        db,
        'DELETE FROM document_group_members WHERE group_id = @groupId AND document_id = @documentId',
      );
      let removed = 0;
      for (const documentId of documentIds) removed += del.run({ groupId, documentId }).changes;
      return removed;
    })
    .immediate();
}

export function renameGroup(db: Database.Database, groupId: number, name: string): void {
  const trimmed = checkName(name);
  db.transaction(() => {
    getGroup(db, groupId);
    const other = findGroupId(db, trimmed);
    if (other !== undefined && other !== groupId) {
      throw new PassageError('conflict', `A document group named ${trimmed} already exists`);
    }
    statement(db, 'UPDATE document_groups SET name = @name WHERE id = @groupId').run({
      name: trimmed,
      groupId,
    });
  }).immediate();
}

/** Deletes a group and its memberships (never the documents). */
export function deleteGroup(db: Database.Database, groupId: number): void {
  db.transaction(() => {
    getGroup(db, groupId);
    statement(db, 'DELETE FROM document_groups WHERE id = @groupId').run({ groupId });
  }).immediate();
}

/** Ids of the group's documents, in document order. */
export function groupDocumentIds(db: Database.Database, groupId: number): number[] {
  const rows = statement(
    db,
    'SELECT document_id AS id FROM document_group_members WHERE group_id = @groupId ORDER BY document_id',
  ).all({ groupId }) as { id: number }[];
  return rows.map((r) => r.id);
}

export interface GroupDocumentRow {
  id: number;
  title: string;
  kind: 'interview' | 'document';
  date: string | null;
  wordCount: number;
}

export function groupDocuments(db: Database.Database, groupId: number): GroupDocumentRow[] {
  getGroup(db, groupId);
  return statement(
    db,
    `SELECT d.id AS id, d.title AS title, d.kind AS kind, d.date AS date, d.word_count AS wordCount
     FROM document_group_members m JOIN documents d ON d.id = m.document_id
     WHERE m.group_id = @groupId ORDER BY d.title COLLATE NOCASE, d.id`,
  ).all({ groupId }) as GroupDocumentRow[];
}
