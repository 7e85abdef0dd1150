/**
 * Code groups: sets of codes independent of the hierarchy ("Learning stage", "Stakeholder").
 * Changes go through a Journal (wrap in runUndoable, electron/store/undo.ts).
 *
 *   listCodeGroups(db): CodeGroup[] ·  getCodeGroup(db, id): CodeGroup
 *   findCodeGroupByName(db, name): { id, name } | undefined
 *   createCodeGroup(db, journal, { name, description?, codeIds? }): number
 *   updateCodeGroup(db, journal, id, { name?, description? }) ·  deleteCodeGroup(db, journal, id)
 *   setCodeGroupMembers(db, journal, id, codeIds) ·  addCodeGroupMembers(db, journal, id, codeIds): number added
 *   importTemplate(db, journal, template): TemplateLoadResult   (merge, never duplicates)
 */
import type Database from 'better-sqlite3';
import type { CodeGroup, TemplateLoadResult } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { flattenTemplate, type Template } from '../../shared/coding/template';
import { createCode, findCodeByName } from './codes';
import { statement } from './statements';
import type { Journal } from './undo';

const LIST_SQL = `
  SELECT g.id, g.name, g.description, g.position,
    (SELECT group_concat(m.code_id) FROM code_group_members m WHERE m.group_id = g.id) AS codeIds
  FROM code_groups g`;

type ListRow = Omit<CodeGroup, 'codeIds'> & { codeIds: string | null };

const toGroup = (row: ListRow): CodeGroup => ({
  ...row,
  codeIds: row.codeIds
    ? row.codeIds
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [],
});

export function listCodeGroups(db: Database.Database): CodeGroup[] {
  return (statement(db, `${LIST_SQL} ORDER BY g.position, g.id`).all() as ListRow[]).map(toGroup);
}

export function getCodeGroup(db: Database.Database, id: number): CodeGroup {
  const row = statement(db, `${LIST_SQL} WHERE g.id = @id`).get({ id }) as ListRow | undefined;
  if (!row) throw new PassageError('not_found', `code group ${id} does not exist`);
  return toGroup(row);
}

export function findCodeGroupByName(
  db: Database.Database,
  name: string,
): { id: number; name: string } | undefined {
  return statement(db, 'SELECT id, name FROM code_groups WHERE name = @name COLLATE NOCASE').get({
    name: name.trim(),
  }) as { id: number; name: string } | undefined;
}

function checkName(db: Database.Database, name: string, self?: number): void {
  const clash = findCodeGroupByName(db, name);
  if (clash && clash.id !== self) {
    throw new PassageError('conflict', `A code group named ${clash.name} already exists`);
  }
}

function checkCodes(db: Database.Database, codeIds: readonly number[]): void {
  for (const codeId of codeIds) {
    if (!statement(db, 'SELECT 1 FROM codes WHERE id = @codeId').get({ codeId })) {
      throw new PassageError('not_found', `code ${codeId} does not exist`);
    }
  }
}

export function createCodeGroup(
  db: Database.Database,
  journal: Journal,
  input: { name: string; description?: string; codeIds?: readonly number[] },
): number {
  checkName(db, input.name);
  checkCodes(db, input.codeIds ?? []);
  const next = (
    statement(db, 'SELECT ifnull(max(position) + 1, 0) AS n FROM code_groups').get() as { n: number }
  ).n;
  const row = journal.insert('code_groups', {
    id: null,
    name: input.name.trim(),
    description: input.description ?? '',
    position: next,
  });
  const id = row.id as number;
  for (const codeId of new Set(input.codeIds ?? []))
    journal.insert('code_group_members', { group_id: id, code_id: codeId });
  return id;
}

export function updateCodeGroup(
  db: Database.Database,
  journal: Journal,
  id: number,
  changes: { name?: string; description?: string },
): void {
  getCodeGroup(db, id);
  if (changes.name !== undefined) checkName(db, changes.name, id);
  journal.update(
    'code_groups',
    { id },
    {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
    },
  );
}

export function deleteCodeGroup(db: Database.Database, journal: Journal, id: number): void {
  const group = getCodeGroup(db, id);
  // Memberships first and explicitly: the cascade would remove them unrecorded.
  for (const codeId of group.codeIds) journal.remove('code_group_members', { group_id: id, code_id: codeId });
  journal.remove('code_groups', { id });
}

export function setCodeGroupMembers(
  db: Database.Database,
  journal: Journal,
  id: number,
  codeIds: readonly number[],
): void {
  const group = getCodeGroup(db, id);
  checkCodes(db, codeIds);
  const wanted = new Set(codeIds);
  for (const codeId of group.codeIds) {
    if (!wanted.has(codeId)) journal.remove('code_group_members', { group_id: id, code_id: codeId });
  }
  const have = new Set(group.codeIds);
  for (const codeId of wanted) {
    if (!have.has(codeId)) journal.insert('code_group_members', { group_id: id, code_id: codeId });
  }
}

export function addCodeGroupMembers(
  db: Database.Database,
  journal: Journal,
  id: number,
  codeIds: readonly number[],
): number {
  const group = getCodeGroup(db, id);
  const merged = [...new Set([...group.codeIds, ...codeIds])];
  setCodeGroupMembers(db, journal, id, merged);
  return merged.length - group.codeIds.length;
}

/**
 * Merges a template into the codebook: a code with the same name under the same parent is reused (its
 * empty description filled in), never duplicated; groups likewise. Loading twice changes nothing.
 */
export function importTemplate(
  db: Database.Database,
  journal: Journal,
  template: Template,
): TemplateLoadResult {
  const result: TemplateLoadResult = {
    codesCreated: 0,
    codesExisting: 0,
    groupsCreated: 0,
    membershipsAdded: 0,
  };
  const idByPath = new Map<string, number>();
  const pathKey = (path: readonly string[]) => JSON.stringify(path.map((p) => p.trim().toLowerCase()));
  for (const code of flattenTemplate(template.codes)) {
    const parentId = code.path.length > 1 ? (idByPath.get(pathKey(code.path.slice(0, -1))) ?? null) : null;
    const existing = findCodeByName(db, code.name, parentId);
    if (existing) {
      result.codesExisting++;
      idByPath.set(pathKey(code.path), existing.id);
      if (!existing.description && code.description) {
        journal.update('codes', { id: existing.id }, { description: code.description });
      }
      continue;
    }
    const id = createCode(db, journal, {
      name: code.name,
      parentId,
      color: code.color,
      description: code.description,
    });
    idByPath.set(pathKey(code.path), id);
    result.codesCreated++;
  }
  for (const group of template.groups) {
    const codeIds = group.codes.map((path) => {
      const id = idByPath.get(pathKey(path));
      if (id === undefined) {
        throw new PassageError(
          'invalid_argument',
          `the template's group ${group.name} names a code it does not define: ${path.join(' › ')}`,
        );
      }
      return id;
    });
    let groupId = findCodeGroupByName(db, group.name)?.id;
    if (groupId === undefined) {
      groupId = createCodeGroup(db, journal, { name: group.name, description: group.description });
      result.groupsCreated++;
    }
    result.membershipsAdded += addCodeGroupMembers(db, journal, groupId, codeIds);
  }
  return result;
}
