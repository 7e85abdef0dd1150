/**
 * The codebook (table `codes`). Changes go through a Journal so they are undoable; wrap them in
 * runUndoable (electron/store/undo.ts), e.g. runUndoable(db, 'Create code X', (j) => createCode(db, j, {...})).
 *
 *   listCodes(db): Code[]                              — with segment/document counts and group ids
 *   getCode(db, id, role?): Code                        — not_found naming the id ("parent code 7 does not exist")
 *   findCodeByName(db, name, parentId?): CodeRow | undefined
 *       case-insensitive; parentId undefined = anywhere (lowest id wins), null = top level
 *   createCode(db, journal, { name, parentId?, color?, description?, shortcut?, position? }): number
 *   updateCode(db, journal, id, { name?, color?, description?, shortcut?, codable? }): void
 *   moveCode(db, journal, id, parentId, position): void
 *   mergeCodes(db, journal, sourceId, targetId): { segmentsMoved, duplicatesCollapsed }
 *   codeUsage(db, id): CodeUsage ·  deleteCode(db, journal, id): CodeDeleteResult
 */
import type Database from 'better-sqlite3';
import type { Code, CodeDeleteResult, CodeUsage } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { paletteColor } from '../../shared/coding/palette';
import { statement } from './statements';
import type { Journal, Row } from './undo';

export interface CodeRow {
  id: number;
  parent_id: number | null;
  name: string;
  color: string;
  description: string;
  shortcut: string | null;
  position: number;
  codable: 0 | 1;
  created_at: string;
}

/** The codebook with its counts; exported for the query-plan test. */
export const LIST_CODES_SQL = `
  SELECT c.id, c.parent_id AS parentId, c.name, c.color, c.description, c.shortcut, c.position, c.codable,
    -- The counts the segments' triggers keep (0170): counting a million segments took up to 1.4 s.
    (SELECT coalesce(sum(n.segments), 0) FROM code_document_counts n WHERE n.code_id = c.id) AS segmentCount,
    (SELECT count(*) FROM code_document_counts n WHERE n.code_id = c.id) AS documentCount,
    (SELECT group_concat(m.group_id) FROM code_group_members m WHERE m.code_id = c.id) AS groupIds
  FROM codes c`;

type ListRow = Omit<Code, 'groupIds' | 'codable'> & { groupIds: string | null; codable: 0 | 1 };

const toCode = (row: ListRow): Code => ({
  ...row,
  codable: row.codable === 1,
  groupIds: row.groupIds
    ? row.groupIds
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [],
});

export function listCodes(db: Database.Database): Code[] {
  return (statement(db, `${LIST_CODES_SQL} ORDER BY c.parent_id, c.position, c.id`).all() as ListRow[]).map(
    toCode,
  );
}

/** `role` says which code the caller meant, for the message: "target code 7 does not exist". */
export function getCode(db: Database.Database, id: number, role = 'code'): Code {
  const row = statement(db, `${LIST_CODES_SQL} WHERE c.id = @id`).get({ id }) as ListRow | undefined;
  if (!row) throw new PassageError('not_found', `${role} ${id} does not exist`);
  return toCode(row);
}

function codeRow(db: Database.Database, id: number, role = 'code'): CodeRow {
  const row = statement(db, 'SELECT * FROM codes WHERE id = @id').get({ id }) as CodeRow | undefined;
  if (!row) throw new PassageError('not_found', `${role} ${id} does not exist`);
  return row;
}

export function findCodeByName(
  db: Database.Database,
  name: string,
  parentId?: number | null,
): CodeRow | undefined {
  if (parentId === undefined) {
    return statement(db, 'SELECT * FROM codes WHERE name = @name COLLATE NOCASE ORDER BY id LIMIT 1').get({
      name: name.trim(),
    }) as CodeRow | undefined;
  }
  return statement(
    db,
    'SELECT * FROM codes WHERE ifnull(parent_id, 0) = @parent AND name = @name COLLATE NOCASE',
  ).get({ parent: parentId ?? 0, name: name.trim() }) as CodeRow | undefined;
}

function siblings(db: Database.Database, parentId: number | null): CodeRow[] {
  return statement(db, 'SELECT * FROM codes WHERE ifnull(parent_id, 0) = @parent ORDER BY position, id').all({
    parent: parentId ?? 0,
  }) as CodeRow[];
}

/** Ids of the code and all its descendants, parents before children. */
export function subtreeIds(db: Database.Database, id: number): number[] {
  const rows = statement(
    db,
    `WITH RECURSIVE sub(id, depth) AS (SELECT @id, 0 UNION ALL
       SELECT c.id, sub.depth + 1 FROM codes c JOIN sub ON c.parent_id = sub.id WHERE sub.depth < 1000)
     SELECT id FROM sub ORDER BY depth, id`,
  ).all({ id }) as { id: number }[];
  return rows.map((r) => r.id);
}

function checkName(db: Database.Database, name: string, parentId: number | null, self?: number) {
  const clash = findCodeByName(db, name, parentId);
  if (clash && clash.id !== self) {
    const where =
      parentId === null ? 'at the top level' : `under ${codeRow(db, parentId, 'parent code').name}`;
    throw new PassageError('conflict', `A code named ${name.trim()} already exists ${where}`);
  }
}

function checkShortcut(db: Database.Database, shortcut: string | null | undefined, self?: number) {
  if (!shortcut) return;
  const clash = statement(db, 'SELECT id, name FROM codes WHERE shortcut = @shortcut').get({ shortcut }) as
    { id: number; name: string } | undefined;
  if (clash && clash.id !== self) {
    throw new PassageError('conflict', `Shortcut ${shortcut} is already used by ${clash.name}`);
  }
}

/** Writes positions 0..n-1 for the given order, changing only rows whose position differs. */
function renumber(journal: Journal, ordered: readonly CodeRow[]): void {
  ordered.forEach((row, index) => {
    if (row.position !== index) journal.update('codes', { id: row.id }, { position: index });
  });
}

export interface NewCode {
  name: string;
  parentId?: number | null;
  color?: string;
  description?: string;
  shortcut?: string | null;
  position?: number;
  codable?: boolean;
}

export function createCode(db: Database.Database, journal: Journal, input: NewCode): number {
  const parentId = input.parentId ?? null;
  if (parentId !== null) codeRow(db, parentId, 'parent code');
  checkName(db, input.name, parentId);
  checkShortcut(db, input.shortcut);
  const count = (statement(db, 'SELECT count(*) AS n FROM codes').get() as { n: number }).n;
  const existing = siblings(db, parentId);
  const inserted = journal.insert('codes', {
    id: null,
    parent_id: parentId,
    name: input.name.trim(),
    color: (input.color ?? paletteColor(count)).toUpperCase(),
    description: input.description ?? '',
    shortcut: input.shortcut ?? null,
    position: existing.length,
    codable: input.codable === false ? 0 : 1,
    created_at: new Date().toISOString(),
  });
  if (input.position !== undefined && input.position < existing.length) {
    const ordered = [...existing];
    ordered.splice(input.position, 0, inserted as unknown as CodeRow);
    renumber(journal, ordered);
  }
  return inserted.id as number;
}

export interface CodeChanges {
  name?: string;
  color?: string;
  description?: string;
  shortcut?: string | null;
  codable?: boolean;
}

export function updateCode(db: Database.Database, journal: Journal, id: number, changes: CodeChanges): void {
  const row = codeRow(db, id);
  const next: Row = {};
  if (changes.name !== undefined) {
    checkName(db, changes.name, row.parent_id, id);
    next.name = changes.name.trim();
  }
  if (changes.color !== undefined) next.color = changes.color.toUpperCase();
  if (changes.description !== undefined) next.description = changes.description;
  if (changes.shortcut !== undefined) {
    checkShortcut(db, changes.shortcut, id);
    next.shortcut = changes.shortcut;
  }
  if (changes.codable !== undefined) next.codable = changes.codable ? 1 : 0;
  journal.update('codes', { id }, next);
}

export function moveCode(
  db: Database.Database,
  journal: Journal,
  id: number,
  parentId: number | null,
  position: number,
): void {
  const row = codeRow(db, id);
  if (parentId !== null) {
    const parent = codeRow(db, parentId, 'parent code');
    if (parentId === id) throw new PassageError('invalid_argument', `${row.name} cannot move under itself`);
    if (subtreeIds(db, id).includes(parentId)) {
      throw new PassageError(
        'invalid_argument',
        `${row.name} cannot move under ${parent.name}, which is inside it`,
      );
    }
  }
  if (parentId !== row.parent_id) checkName(db, row.name, parentId, id);
  const others = siblings(db, parentId).filter((c) => c.id !== id);
  const moved = journal.update('codes', { id }, { parent_id: parentId }) as unknown as CodeRow;
  others.splice(Math.min(position, others.length), 0, moved);
  renumber(journal, others);
  if (parentId !== row.parent_id) renumber(journal, siblings(db, row.parent_id));
}

export function mergeCodes(
  db: Database.Database,
  journal: Journal,
  sourceId: number,
  targetId: number,
): { segmentsMoved: number; duplicatesCollapsed: number } {
  const source = codeRow(db, sourceId, 'code to merge');
  const target = codeRow(db, targetId, 'target code');
  if (sourceId === targetId)
    throw new PassageError('invalid_argument', `${source.name} cannot merge into itself`);
  if (subtreeIds(db, sourceId).includes(targetId)) {
    throw new PassageError(
      'invalid_argument',
      `${source.name} cannot merge into ${target.name}, which is inside it`,
    );
  }
  let segmentsMoved = 0;
  let duplicatesCollapsed = 0;
  const segments = statement(
    db,
    'SELECT id, document_id, start_utf16, end_utf16, memo FROM segments WHERE code_id = @id ORDER BY id',
  ).all({ id: sourceId }) as {
    id: number;
    document_id: number;
    start_utf16: number;
    end_utf16: number;
    memo: string;
  }[];
  for (const seg of segments) {
    const twin = statement(
      db,
      `SELECT id, memo FROM segments WHERE code_id = @target AND document_id = @doc
       AND start_utf16 = @start AND end_utf16 = @end`,
    ).get({ target: targetId, doc: seg.document_id, start: seg.start_utf16, end: seg.end_utf16 }) as
      { id: number; memo: string } | undefined;
    if (twin) {
      // Keep the duplicate's memo rather than lose what the researcher wrote.
      if (seg.memo) {
        const memo = twin.memo ? `${twin.memo}\n\n${seg.memo}` : seg.memo;
        journal.update('segments', { id: twin.id }, { memo });
      }
      journal.remove('segments', { id: seg.id });
      duplicatesCollapsed++;
    } else {
      journal.update('segments', { id: seg.id }, { code_id: targetId });
      segmentsMoved++;
    }
  }
  const groups = statement(db, 'SELECT group_id FROM code_group_members WHERE code_id = @id').all({
    id: sourceId,
  }) as { group_id: number }[];
  for (const { group_id } of groups) {
    if (!journal.get('code_group_members', { group_id, code_id: targetId })) {
      journal.insert('code_group_members', { group_id, code_id: targetId });
    }
    journal.remove('code_group_members', { group_id, code_id: sourceId });
  }
  const memos = statement(db, 'SELECT id FROM memos WHERE code_id = @id').all({ id: sourceId }) as {
    id: number;
  }[];
  for (const memo of memos) journal.update('memos', { id: memo.id }, { code_id: targetId });
  // Children move under the target; a same-named child there absorbs them instead (no duplicate names).
  for (const child of siblings(db, sourceId)) {
    const clash = findCodeByName(db, child.name, targetId);
    if (clash) {
      const sub = mergeCodes(db, journal, child.id, clash.id);
      segmentsMoved += sub.segmentsMoved;
      duplicatesCollapsed += sub.duplicatesCollapsed;
    } else {
      journal.update(
        'codes',
        { id: child.id },
        { parent_id: targetId, position: siblings(db, targetId).length },
      );
    }
  }
  journal.remove('codes', { id: sourceId });
  renumber(journal, siblings(db, source.parent_id));
  return { segmentsMoved, duplicatesCollapsed };
}

export function codeUsage(db: Database.Database, id: number): CodeUsage {
  codeRow(db, id);
  const ids = JSON.stringify(subtreeIds(db, id));
  return statement(
    db,
    `SELECT json_array_length(@ids) AS codes,
      (SELECT count(*) FROM segments WHERE code_id IN (SELECT value FROM json_each(@ids))) AS segments,
      (SELECT count(DISTINCT document_id) FROM segments WHERE code_id IN (SELECT value FROM json_each(@ids))) AS documents,
      (SELECT count(*) FROM memos WHERE code_id IN (SELECT value FROM json_each(@ids))) AS memos`,
  ).get({ ids }) as CodeUsage;
}

/** Deletes the code's subtree explicitly, deepest first, so every removed row is journalled (no cascades). */
export function deleteCode(db: Database.Database, journal: Journal, id: number): CodeDeleteResult {
  const row = codeRow(db, id);
  const ids = subtreeIds(db, id).reverse();
  let deletedSegments = 0;
  for (const codeId of ids) {
    const segs = statement(db, 'SELECT id FROM segments WHERE code_id = @codeId').all({ codeId }) as {
      id: number;
    }[];
    for (const seg of segs) journal.remove('segments', { id: seg.id });
    deletedSegments += segs.length;
    const groups = statement(db, 'SELECT group_id FROM code_group_members WHERE code_id = @codeId').all({
      codeId,
    }) as { group_id: number }[];
    for (const g of groups) journal.remove('code_group_members', { group_id: g.group_id, code_id: codeId });
    const memos = statement(db, 'SELECT id FROM memos WHERE code_id = @codeId').all({ codeId }) as {
      id: number;
    }[];
    for (const memo of memos) journal.remove('memos', { id: memo.id });
    journal.remove('codes', { id: codeId });
  }
  renumber(journal, siblings(db, row.parent_id));
  return { deletedCodes: ids.length, deletedSegments };
}
