import type { ParticipantRow } from '../api/sample';
import { PARTICIPANT_STATUSES, STATUS_LABELS, type ParticipantStatus } from './types';

export const PIPELINE_COLUMNS = [
  'label',
  'category',
  'status',
  'wave',
  'referredBy',
  'lastContact',
  'interviewDate',
  'consent',
  'documents',
] as const;
export type PipelineColumn = (typeof PIPELINE_COLUMNS)[number];

export const PIPELINE_HEADERS: Record<PipelineColumn, string> = {
  label: 'Label',
  category: 'Category',
  status: 'Status',
  wave: 'Wave',
  referredBy: 'Referred by',
  lastContact: 'Last contact',
  interviewDate: 'Interview',
  consent: 'Consent',
  documents: 'Transcripts',
};

export interface PipelineSort {
  column: PipelineColumn;
  descending: boolean;
}

export interface PipelineFilter {
  text: string;
  status: ParticipantStatus | '';
  categoryId: number | null;
}

/** The consent cell: version and date when recorded. */
export function consentText(row: ParticipantRow): string {
  return [row.consentVersion, row.consentDate].filter(Boolean).join(', ');
}

function sortValue(row: ParticipantRow, column: PipelineColumn): string | number | null {
  switch (column) {
    case 'label':
      return row.label;
    case 'category':
      return row.category;
    case 'status':
      // Pipeline order, not alphabetical: identified before contacted before agreed…
      return PARTICIPANT_STATUSES.indexOf(row.status);
    case 'wave':
      return row.wave;
    case 'referredBy':
      return row.referredBy.map((r) => r.label).join(', ') || null;
    case 'lastContact':
      return row.lastContact;
    case 'interviewDate':
      return row.interviewDate;
    case 'consent':
      return consentText(row) || null;
    case 'documents':
      return row.documents.length;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Sorted copy; empty cells always last, whatever the direction; ties by label. */
export function sortRows(rows: readonly ParticipantRow[], sort: PipelineSort): ParticipantRow[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x === null || y === null) {
      if (x === y) return collator.compare(a.label, b.label);
      return x === null ? 1 : -1;
    }
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (sort.descending ? -order : order) || collator.compare(a.label, b.label);
  });
}

/** Rows matching the filter: status, category, and text in label, category, referrers or (unlocked) name. */
export function filterRows(rows: readonly ParticipantRow[], filter: PipelineFilter): ParticipantRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.status && row.status !== filter.status) return false;
    if (filter.categoryId !== null && row.categoryId !== filter.categoryId) return false;
    if (!needle) return true;
    const haystack = [
      row.label,
      row.category ?? '',
      STATUS_LABELS[row.status],
      ...row.referredBy.map((r) => r.label),
      row.identity?.name ?? '',
      row.identity?.contact ?? '',
    ];
    return haystack.some((text) => text.toLowerCase().includes(needle));
  });
}
