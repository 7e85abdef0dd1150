import type { AttributeCondition, DocumentKind, ReportFilters } from './model';

/** A document with everything the document filters look at. */
export interface DocumentFacts {
  id: number;
  title: string;
  kind: DocumentKind;
  date: string | null;
  year: number | null;
  participantId: number | null;
  participantLabel: string | null;
  categoryId: number | null;
  /** Status 'withdrawn' or withdrawn_at set. */
  withdrawn: boolean;
  wave: number | null;
  groupIds: readonly number[];
  /** Attribute values by lower-cased "scope:name". Only loaded when conditions ask for them. */
  attributes: ReadonlyMap<string, string>;
}

export function attributeKey(scope: 'document' | 'participant', name: string): string {
  return `${scope}:${name.toLowerCase()}`;
}

function compare(op: AttributeCondition['op'], actual: string, wanted: string): boolean {
  if (op === 'contains') return actual.toLowerCase().includes(wanted.toLowerCase());
  const a = Number(actual);
  const b = Number(wanted);
  const numeric = actual.trim() !== '' && wanted.trim() !== '' && Number.isFinite(a) && Number.isFinite(b);
  const order = numeric ? a - b : actual.localeCompare(wanted, 'en', { sensitivity: 'base' });
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
  }
}

/** Every filter except the withdrawn one: documents the report would use if no one had withdrawn. */
export function passesDocumentFilters(doc: DocumentFacts, filters: ReportFilters): boolean {
  if (filters.kind && doc.kind !== filters.kind) return false;
  if (filters.documentGroupIds && filters.documentGroupIds.length > 0)
    if (!doc.groupIds.some((g) => filters.documentGroupIds!.includes(g))) return false;
  if (filters.participantCategoryIds && filters.participantCategoryIds.length > 0)
    if (doc.categoryId === null || !filters.participantCategoryIds.includes(doc.categoryId)) return false;
  if (filters.waves && filters.waves.length > 0)
    if (doc.wave === null || !filters.waves.includes(doc.wave)) return false;
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
    if (doc.year === null) return false;
    if (filters.yearFrom !== undefined && doc.year < filters.yearFrom) return false;
    if (filters.yearTo !== undefined && doc.year > filters.yearTo) return false;
  }
  for (const condition of filters.attributes ?? []) {
    const actual = doc.attributes.get(attributeKey(condition.scope, condition.name));
    if (actual === undefined) {
      if (condition.op !== 'ne') return false;
      continue;
    }
    if (!compare(condition.op, actual, condition.value)) return false;
  }
  return true;
}

export interface DocumentSelection {
  /** Documents the report counts. */
  included: DocumentFacts[];
  /** Documents that passed every other filter but belong to a withdrawn participant. */
  excludedWithdrawn: DocumentFacts[];
}

export function selectDocuments(docs: readonly DocumentFacts[], filters: ReportFilters): DocumentSelection {
  const excludeWithdrawn = filters.excludeWithdrawn ?? true;
  const included: DocumentFacts[] = [];
  const excludedWithdrawn: DocumentFacts[] = [];
  for (const doc of docs) {
    if (!passesDocumentFilters(doc, filters)) continue;
    if (excludeWithdrawn && doc.withdrawn) excludedWithdrawn.push(doc);
    else included.push(doc);
  }
  return { included, excludedWithdrawn };
}
