import { naturalCompare } from './citations';
import type { AttributeCondition, ReportFilters } from './model';

/** Names the filter ids point at, looked up by the backend. */
export interface FilterNames {
  codes: ReadonlyMap<number, string>;
  codeGroups: ReadonlyMap<number, string>;
  documentGroups: ReadonlyMap<number, string>;
  categories: ReadonlyMap<number, string>;
}

const OPS: Record<AttributeCondition['op'], string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  contains: 'contains',
};

function names(ids: readonly number[], lookup: ReadonlyMap<number, string>): string {
  return ids
    .map((id) => lookup.get(id) ?? `#${id}`)
    .sort(naturalCompare)
    .join(', ');
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** The filters in words, one line each, for report headers ("Document group: NGOs"). */
export function describeFilters(filters: ReportFilters, lookup: FilterNames): string[] {
  const lines: string[] = [];
  if (filters.codeIds && filters.codeIds.length > 0)
    lines.push(`${plural(filters.codeIds.length, 'Code', 'Codes')}: ${names(filters.codeIds, lookup.codes)}`);
  if (filters.codeGroupId !== undefined)
    lines.push(`Code group: ${lookup.codeGroups.get(filters.codeGroupId) ?? `#${filters.codeGroupId}`}`);
  if (filters.codeSubtreeId !== undefined)
    lines.push(
      `Code and subcodes: ${lookup.codes.get(filters.codeSubtreeId) ?? `#${filters.codeSubtreeId}`}`,
    );
  if (filters.documentGroupIds && filters.documentGroupIds.length > 0)
    lines.push(
      `${plural(filters.documentGroupIds.length, 'Document group', 'Document groups')}: ${names(filters.documentGroupIds, lookup.documentGroups)}`,
    );
  if (filters.kind)
    lines.push(filters.kind === 'interview' ? 'Interviews only' : 'Documents only (no interviews)');
  if (filters.participantCategoryIds && filters.participantCategoryIds.length > 0)
    lines.push(
      `${plural(filters.participantCategoryIds.length, 'Participant category', 'Participant categories')}: ${names(filters.participantCategoryIds, lookup.categories)}`,
    );
  if (filters.waves && filters.waves.length > 0) {
    const waves = [...filters.waves].sort((a, b) => a - b);
    lines.push(`${plural(waves.length, 'Wave', 'Waves')}: ${waves.join(', ')} (0 = seeds)`);
  }
  for (const c of filters.attributes ?? [])
    lines.push(
      `${c.scope === 'participant' ? 'Participant' : 'Document'} attribute: ${c.name} ${OPS[c.op]} ${c.value}`,
    );
  const from = filters.yearFrom;
  const to = filters.yearTo;
  if (from !== undefined && to !== undefined)
    lines.push(from === to ? `Year: ${from}` : `Years: ${from}–${to}`);
  else if (from !== undefined) lines.push(`Years: from ${from}`);
  else if (to !== undefined) lines.push(`Years: up to ${to}`);
  if (filters.coder) lines.push(`Coder: ${filters.coder}`);
  lines.push(
    (filters.excludeWithdrawn ?? true)
      ? 'Withdrawn participants excluded'
      : 'Withdrawn participants included',
  );
  if (lines.length === 1) lines.unshift('All documents');
  return lines;
}
