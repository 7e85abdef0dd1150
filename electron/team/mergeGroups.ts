/**
 * Merging FROM's code groups, document groups and document attributes (see mergeRows.ts for the rules):
 * matched by GUID then name; memberships and attribute values added where INTO has none.
 */
import type { RowMerger } from './mergeRows';

export function mergeGroups(m: RowMerger): void {
  const codeGroups = new Map<number, number>();
  for (const g of m.from.codeGroups) {
    const found =
      m.get<{ id: number }>('SELECT id FROM code_groups WHERE guid = @guid', { guid: g.guid }) ??
      m.get<{ id: number }>('SELECT id FROM code_groups WHERE name = @name', { name: g.name });
    if (found) codeGroups.set(g.id, found.id);
    else {
      codeGroups.set(g.id, m.w.insert('code_groups', { ...g, id: null }).id as number);
      m.counts.added.codeGroups++;
    }
  }
  for (const member of m.from.codeGroupMembers) {
    const group = codeGroups.get(member.group_id);
    const code = m.codes.get(member.code_id);
    if (group === undefined || code === undefined) continue;
    if (
      !m.get('SELECT 1 AS x FROM code_group_members WHERE group_id = @group AND code_id = @code', {
        group,
        code,
      })
    )
      m.w.insert('code_group_members', { group_id: group, code_id: code });
  }
  const docGroups = new Map<number, number>();
  for (const g of m.from.documentGroups) {
    const found =
      m.get<{ id: number }>('SELECT id FROM document_groups WHERE guid = @guid', { guid: g.guid }) ??
      m.get<{ id: number }>('SELECT id FROM document_groups WHERE name = @name', { name: g.name });
    if (found) docGroups.set(g.id, found.id);
    else {
      // Through the writer, so undoing the merge removes the group too.
      const row = m.w.insert('document_groups', { ...g, id: null });
      docGroups.set(g.id, row.id as number);
      m.counts.added.documentGroups++;
    }
  }
  for (const member of m.from.documentGroupMembers) {
    const group = docGroups.get(member.group_id);
    const document = m.documents.get(member.document_id);
    if (group === undefined || document === undefined) continue;
    if (
      !m.get(
        'SELECT 1 AS x FROM document_group_members WHERE group_id = @group AND document_id = @document',
        { group, document },
      )
    )
      m.w.insert('document_group_members', { group_id: group, document_id: document });
  }
}

/** Returns FROM's attribute ids → INTO's, for the participants' values (mergeParticipants.ts). */
export function mergeAttributes(m: RowMerger): Map<number, number> {
  const attributes = new Map<number, number>();
  for (const a of m.from.attributes) {
    const found =
      m.get<{ id: number; type: string }>('SELECT id, type FROM attributes WHERE guid = @guid', {
        guid: a.guid,
      }) ??
      m.get<{ id: number; type: string }>(
        'SELECT id, type FROM attributes WHERE scope = @scope AND name = @name',
        {
          scope: a.scope,
          name: a.name,
        },
      );
    if (found && found.type !== a.type) {
      m.conflicts.push({
        kind: 'attribute_type',
        message: `attribute "${String(a.name)}" is of type ${found.type} here and ${String(a.type)} in the merged project: its values were not brought in`,
      });
      continue;
    }
    if (found) attributes.set(a.id, found.id);
    else {
      const row = m.w.insert('attributes', { ...a, id: null });
      attributes.set(a.id, row.id as number);
      m.counts.added.attributes++;
    }
  }
  const differing = new Map<number, number>();
  for (const v of m.from.attributeValues) {
    const attribute = attributes.get(v.attribute_id);
    const document = m.documents.get(v.document_id);
    if (attribute === undefined || document === undefined) continue;
    const existing = m.get<{ value: string }>(
      'SELECT value FROM document_attribute_values WHERE document_id = @document AND attribute_id = @attribute',
      { document, attribute },
    );
    if (!existing) {
      m.w.insert('document_attribute_values', {
        document_id: document,
        attribute_id: attribute,
        value: v.value,
      });
      m.counts.added.attributeValues++;
    } else if (existing.value !== v.value)
      differing.set(v.attribute_id, (differing.get(v.attribute_id) ?? 0) + 1);
  }
  for (const [attributeId, n] of differing) {
    const name = String(m.from.attributes.find((a) => a.id === attributeId)?.name);
    m.conflicts.push({
      kind: 'attribute_differs',
      message: `attribute "${name}" differs on ${n} document(s) between the projects: this project's values kept`,
    });
  }
  return attributes;
}
