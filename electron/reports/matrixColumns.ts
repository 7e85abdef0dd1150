import { PassageError } from '../../shared/api/result';
import { naturalCompare } from '../../shared/reports/citations';
import type { MatrixColumnInput } from '../../shared/reports/matrix';
import type { MatrixBy } from '../../shared/reports/model';
import type { ReportContext } from './context';
import { statement } from '../store/statements';

/** The columns of a code matrix: document groups, participant categories, documents or an attribute's values. */
export function matrixColumns(context: ReportContext, by: MatrixBy): MatrixColumnInput[] {
  const docs = [...context.documents.values()];
  if (by === 'groups') {
    const groupIds = context.filters.documentGroupIds?.length
      ? context.filters.documentGroupIds
      : [...context.documentGroups.keys()];
    return groupIds.map((g) => ({
      key: `group:${g}`,
      label: context.documentGroups.get(g) ?? `#${g}`,
      documentIds: new Set(docs.filter((d) => d.groupIds.includes(g)).map((d) => d.id)),
    }));
  }
  if (by === 'categories') {
    const columns: MatrixColumnInput[] = [...context.categories].map(([id, name]) => ({
      key: `category:${id}`,
      label: name,
      documentIds: new Set(docs.filter((d) => d.categoryId === id).map((d) => d.id)),
    }));
    const none = docs.filter((d) => d.categoryId === null).map((d) => d.id);
    if (none.length > 0) columns.push({ key: 'none', label: 'No category', documentIds: new Set(none) });
    return columns;
  }
  if (by === 'documents') {
    return docs
      .sort((a, b) => naturalCompare(a.title, b.title) || a.id - b.id)
      .map((d) => ({ key: `document:${d.id}`, label: d.title, documentIds: new Set([d.id]) }));
  }
  const name = by.slice('attribute:'.length);
  // A document attribute wins over a participant attribute of the same name.
  const attribute = statement(
    context.db,
    `SELECT id, scope FROM attributes WHERE name = ? ORDER BY scope = 'document' DESC LIMIT 1`,
  ).get(name) as { id: number; scope: 'document' | 'participant' } | undefined;
  if (!attribute) throw new PassageError('not_found', `reports: attribute ${name} not found`);
  const values = new Map<number, string>();
  if (attribute.scope === 'document') {
    for (const row of statement(
      context.db,
      'SELECT document_id AS owner, value FROM document_attribute_values WHERE attribute_id = ?',
    ).all(attribute.id) as { owner: number; value: string }[])
      values.set(row.owner, row.value);
  } else {
    const byParticipant = new Map<number, string>();
    for (const row of statement(
      context.db,
      'SELECT participant_id AS owner, value FROM participant_attribute_values WHERE attribute_id = ?',
    ).all(attribute.id) as { owner: number; value: string }[])
      byParticipant.set(row.owner, row.value);
    for (const d of docs)
      if (d.participantId !== null && byParticipant.has(d.participantId))
        values.set(d.id, byParticipant.get(d.participantId)!);
  }
  const byValue = new Map<string, Set<number>>();
  const none = new Set<number>();
  for (const d of docs) {
    const value = values.get(d.id);
    if (value === undefined || value === '') {
      none.add(d.id);
      continue;
    }
    const set = byValue.get(value) ?? new Set<number>();
    set.add(d.id);
    byValue.set(value, set);
  }
  const columns: MatrixColumnInput[] = [...byValue.keys()]
    .sort(naturalCompare)
    .map((value) => ({ key: `attribute:${name}=${value}`, label: value, documentIds: byValue.get(value)! }));
  if (none.size > 0) columns.push({ key: 'none', label: '(no value)', documentIds: none });
  return columns;
}
