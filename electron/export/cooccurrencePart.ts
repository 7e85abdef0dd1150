/**
 * The export's co-occurrence table: which report it shows and the caption that says what it is.
 *
 *   cooccurrenceArgs(db, options, codeIds, groupIds) — the report's arguments: the part's own choice
 *     (options.cooccurrence) when there is one, else the export's codes (columns) and code groups (rows)
 *   configuredCooccurrence(db, options) — the report and caption of the part's own choice; null without one
 *   cooccurrenceCaption(report, choice, names) — "Codes co-occurring with Legitimacy and Trust in
 *     document group NGOs (N = 396 documents)", N being what the filters leave in the report's unit
 */
import type Database from 'better-sqlite3';
import type { ExportCooccurrence, ExportFilters, ExportOptions } from '../../shared/api/export';
import { listNames } from '../../shared/export/plan';
import type { CooccurrenceReport, CooccurrenceUnit, ReportFilters } from '../../shared/reports/model';
import { remember } from '../reports/cache';
import { loadCodeGroups, loadCodes, loadNamed } from '../reports/load';
import { cooccurrenceReport } from '../reports/reports';

export interface CooccurrenceArgs {
  filters: ReportFilters;
  columnCodeIds?: number[];
  rowCodeGroupIds?: number[];
  unit: CooccurrenceUnit;
  coefficient: boolean;
}

/** Names the caption needs besides the report's own columns. */
export interface CaptionNames {
  codes: ReadonlyMap<number, string>;
  codeGroups: ReadonlyMap<number, string>;
  documentGroups: ReadonlyMap<number, string>;
  categories: ReadonlyMap<number, string>;
}

export function captionNames(db: Database.Database): CaptionNames {
  return {
    codes: new Map(loadCodes(db).map((c) => [c.id, c.name])),
    codeGroups: new Map(loadCodeGroups(db).map((g) => [g.id, g.name])),
    documentGroups: loadNamed(db, 'document_groups'),
    categories: loadNamed(db, 'participant_categories'),
  };
}

const nonEmpty = (ids: number[]) => (ids.length > 0 ? ids : undefined);

/**
 * The part's choice with what no longer exists left out: settings saved before a code or group was
 * deleted still export, as the evidence part skips a deleted code group.
 */
export function knownChoice(choice: ExportCooccurrence, names: CaptionNames): ExportCooccurrence {
  const known = (ids: number[], map: ReadonlyMap<number, string>) => ids.filter((id) => map.has(id));
  const filters: ExportFilters = { ...choice.filters };
  if (filters.documentGroupIds)
    filters.documentGroupIds = known(filters.documentGroupIds, names.documentGroups);
  if (filters.participantCategoryIds)
    filters.participantCategoryIds = known(filters.participantCategoryIds, names.categories);
  return {
    ...choice,
    rowCodeIds: known(choice.rowCodeIds, names.codes),
    rowCodeGroupIds: known(choice.rowCodeGroupIds, names.codeGroups),
    columnCodeIds: known(choice.columnCodeIds, names.codes),
    filters,
  };
}

export function cooccurrenceArgs(
  options: ExportOptions,
  choice: ExportCooccurrence | undefined,
  codeIds: number[],
  groupIds: number[],
): CooccurrenceArgs {
  if (!choice)
    return {
      filters: { ...options.filters },
      columnCodeIds: nonEmpty(codeIds),
      rowCodeGroupIds: nonEmpty(groupIds),
      unit: options.cooccurrenceUnit,
      coefficient: false,
    };
  return {
    filters:
      choice.rowCodeIds.length > 0 ? { ...choice.filters, codeIds: choice.rowCodeIds } : choice.filters,
    columnCodeIds: nonEmpty(choice.columnCodeIds),
    rowCodeGroupIds: nonEmpty(choice.rowCodeGroupIds),
    unit: choice.unit,
    coefficient: choice.coefficient,
  };
}

const OPS: Record<NonNullable<ExportFilters['attributes']>[number]['op'], string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  contains: 'contains',
};

function named(ids: readonly number[], lookup: ReadonlyMap<number, string>): string {
  return listNames(ids.map((id) => lookup.get(id) ?? `#${id}`));
}

/** The filters as the end of a caption: "in document group NGOs, in 2015–2020, coded by ana". */
export function filterPhrase(filters: ExportFilters, names: CaptionNames): string {
  const parts: string[] = [];
  const groups = filters.documentGroupIds ?? [];
  if (groups.length > 0)
    parts.push(`in document group${groups.length > 1 ? 's' : ''} ${named(groups, names.documentGroups)}`);
  if (filters.kind === 'interview') parts.push('in interviews');
  if (filters.kind === 'document') parts.push('in documents other than interviews');
  const categories = filters.participantCategoryIds ?? [];
  if (categories.length > 0)
    parts.push(
      `with participants of categor${categories.length > 1 ? 'ies' : 'y'} ${named(categories, names.categories)}`,
    );
  const waves = [...(filters.waves ?? [])].sort((a, b) => a - b);
  if (waves.length > 0) parts.push(`in wave${waves.length > 1 ? 's' : ''} ${listNames(waves.map(String))}`);
  for (const c of filters.attributes ?? []) parts.push(`where ${c.name} ${OPS[c.op]} ${c.value}`);
  const { yearFrom: from, yearTo: to } = filters;
  if (from !== undefined && to !== undefined) parts.push(from === to ? `in ${from}` : `in ${from}–${to}`);
  else if (from !== undefined) parts.push(`from ${from}`);
  else if (to !== undefined) parts.push(`up to ${to}`);
  if (filters.coder) parts.push(`coded by ${filters.coder}`);
  return parts.join(', ');
}

/** What the table shows, in words, with N = the documents or segments the filters leave. */
export function cooccurrenceCaption(
  report: CooccurrenceReport,
  choice: ExportCooccurrence,
  names: CaptionNames,
): string {
  let what: string;
  if (choice.columnCodeIds.length > 0)
    what = `Codes co-occurring with ${listNames(report.columns.map((c) => c.code.name))}`;
  else if (choice.rowCodeIds.length > 0) what = `Co-occurrence of ${named(choice.rowCodeIds, names.codes)}`;
  else if (choice.rowCodeGroupIds.length > 0)
    what = `Co-occurrence of the codes of ${named(choice.rowCodeGroupIds, names.codeGroups)}`;
  else what = 'Co-occurrence of codes';
  const scope = filterPhrase(choice.filters, names);
  const count = report.unit === 'documents' ? report.header.documentCount : report.header.segmentCount;
  const n = `${count} ${report.unit === 'documents' ? 'document' : 'segment'}${count === 1 ? '' : 's'}`;
  // No-break spaces keep "(N = 396 documents)" on one line, as the tables' header counts are.
  return `${what}${scope ? ` ${scope}` : ''} (${`N = ${n}`.replaceAll(' ', '\u00a0')})`;
}

/** The report and caption of the part's own choice (options.cooccurrence); null when it has none. */
export function configuredCooccurrence(
  db: Database.Database,
  options: ExportOptions,
): { report: CooccurrenceReport; caption: string } | null {
  const own = options.cooccurrence;
  if (!own) return null;
  // The outline, the export's check and the export itself each ask; the project is the same between them.
  return remember(db, JSON.stringify(['exportCooccurrence', own]), () => {
    const names = captionNames(db);
    const choice = knownChoice(own, names);
    const report = cooccurrenceReport(db, cooccurrenceArgs(options, choice, [], []));
    return { report, caption: cooccurrenceCaption(report, choice, names) };
  });
}
