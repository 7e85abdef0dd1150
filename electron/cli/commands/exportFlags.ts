/**
 * `passage export` flags as the contract's options: names become ids, comma lists become arrays.
 *
 *   parseFlags(argv) — `--name value` pairs and bare flags; anything else is an error naming it
 *   optionsFromFlags(db, flags) — the export options; the co-occurrence part's own settings come from
 *     the `--cooccurrence-*` flags, its filters named as the export's (`--cooccurrence-document-group` …)
 */
import type Database from 'better-sqlite3';
import {
  EXPORT_SECTIONS,
  type ExportCooccurrence,
  type ExportFilters,
  type ExportOptionsInput,
  type ExportSection,
} from '../../../shared/api/export';
import { PassageError } from '../../../shared/api/result';
import { codebookOrder } from '../../../shared/reports/codebook';
import { loadCodeGroups, loadCodes, loadNamed } from '../../reports/load';

export const EXPORT_USAGE =
  'passage export FILE docx|csv|tsv|md OUT [--codes A,B] [--code-group G] [--include evidence,cooccurrence,matrix,timeline,frequencies,codebook,appendix1] [--memos] [--title T] [--note TEXT] [--document-group G] [--kind interview|document] [--category C] [--wave N] [--from YEAR] [--to YEAR] [--coder NAME] [--include-withdrawn] [--cooccurrence-unit documents|segments] [--cooccurrence-rows A,B] [--cooccurrence-row-groups G,H] [--cooccurrence-columns A,B] [--cooccurrence-coefficient] [--cooccurrence-document-group G] [--cooccurrence-kind …] [--cooccurrence-category C] [--cooccurrence-wave N] [--cooccurrence-from YEAR] [--cooccurrence-to YEAR] [--cooccurrence-coder NAME] [--cooccurrence-include-withdrawn] [--matrix-by groups|categories|documents|attribute:NAME] [--timeline-unit documents|segments] [--force]';

/** The filter flags, each also given to the co-occurrence part with the `--cooccurrence-` prefix. */
const FILTER_FLAGS = [
  'document-group',
  'kind',
  'category',
  'wave',
  'from',
  'to',
  'coder',
  'include-withdrawn',
] as const;
const COOCCURRENCE = '--cooccurrence-';
/** The co-occurrence part's own choice besides its filters; any of them (or a filter) gives it its own settings. */
const COOCCURRENCE_CHOICE = ['rows', 'row-groups', 'columns', 'coefficient'] as const;

const BARE = new Set([
  '--memos',
  '--include-withdrawn',
  '--force',
  `${COOCCURRENCE}include-withdrawn`,
  `${COOCCURRENCE}coefficient`,
]);

const KNOWN = new Set([
  '--codes',
  '--code-group',
  '--include',
  '--memos',
  '--title',
  '--note',
  '--force',
  '--matrix-by',
  '--timeline-unit',
  `${COOCCURRENCE}unit`,
  ...FILTER_FLAGS.flatMap((f) => [`--${f}`, `${COOCCURRENCE}${f}`]),
  ...COOCCURRENCE_CHOICE.map((f) => `${COOCCURRENCE}${f}`),
]);

export function parseFlags(argv: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new PassageError('invalid_argument', `export: unexpected argument '${arg}'`);
    if (BARE.has(arg)) {
      out.set(arg, ['true']);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new PassageError('invalid_argument', `export: ${arg} needs a value`);
    out.set(arg, [...(out.get(arg) ?? []), value]);
    i++;
  }
  return out;
}

const list = (values: string[] | undefined) =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

function byName<T>(kind: string, names: string[], entries: [string, T][]): T[] {
  return names.map((n) => {
    const found = entries.filter(
      ([name]) => name.localeCompare(n, undefined, { sensitivity: 'accent' }) === 0,
    );
    if (found.length === 0) throw new PassageError('not_found', `export: ${kind} '${n}' not found`);
    if (found.length > 1)
      throw new PassageError(
        'invalid_argument',
        `export: ${kind} '${n}' is ambiguous (${found.length} match)`,
      );
    return found[0]![1];
  });
}

function int(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new PassageError('invalid_argument', `export: ${flag}: '${value}' is not a number`);
  return Number(value);
}

function unit(flag: string, value: string | undefined): 'documents' | 'segments' | undefined {
  if (value === undefined || value === 'documents' || value === 'segments') return value;
  throw new PassageError('invalid_argument', `export: ${flag} must be documents or segments`);
}

/** The filters of the flags starting with `prefix`: '--' for the export's, '--cooccurrence-' for the table's. */
function filtersFromFlags(
  db: Database.Database,
  flags: Map<string, string[]>,
  prefix: string,
): ExportFilters {
  const flag = (name: (typeof FILTER_FLAGS)[number]) => `${prefix}${name}`;
  const first = (name: (typeof FILTER_FLAGS)[number]) => flags.get(flag(name))?.[0];
  const kind = first('kind');
  if (kind !== undefined && kind !== 'interview' && kind !== 'document')
    throw new PassageError('invalid_argument', `export: ${flag('kind')} must be interview or document`);
  const named = (name: 'document-group' | 'category', what: string, table: Parameters<typeof loadNamed>[1]) =>
    byName(
      what,
      list(flags.get(flag(name))),
      [...loadNamed(db, table)].map(([id, n]) => [n, id] as [string, number]),
    );
  return {
    ...(flags.has(flag('document-group'))
      ? { documentGroupIds: named('document-group', 'document group', 'document_groups') }
      : {}),
    ...(kind ? { kind } : {}),
    ...(flags.has(flag('category'))
      ? { participantCategoryIds: named('category', 'category', 'participant_categories') }
      : {}),
    ...(flags.has(flag('wave'))
      ? { waves: list(flags.get(flag('wave'))).map((w) => int(flag('wave'), w)!) }
      : {}),
    ...(flags.has(flag('from')) ? { yearFrom: int(flag('from'), first('from')) } : {}),
    ...(flags.has(flag('to')) ? { yearTo: int(flag('to'), first('to')) } : {}),
    ...(flags.has(flag('coder')) ? { coder: first('coder') } : {}),
    ...(flags.has(flag('include-withdrawn')) ? { excludeWithdrawn: false } : {}),
  };
}

/** The co-occurrence part's own settings; undefined when only its unit (or nothing) is given, as before. */
function cooccurrenceFromFlags(
  db: Database.Database,
  flags: Map<string, string[]>,
  codeEntries: [string, number][],
): ExportCooccurrence | undefined {
  const own = [...FILTER_FLAGS, ...COOCCURRENCE_CHOICE].some((f) => flags.has(`${COOCCURRENCE}${f}`));
  if (!own) return undefined;
  const codes = (name: string) => byName('code', list(flags.get(`${COOCCURRENCE}${name}`)), codeEntries);
  return {
    unit: unit(`${COOCCURRENCE}unit`, flags.get(`${COOCCURRENCE}unit`)?.[0]) ?? 'documents',
    rowCodeIds: codes('rows'),
    rowCodeGroupIds: byName(
      'code group',
      list(flags.get(`${COOCCURRENCE}row-groups`)),
      loadCodeGroups(db).map((g) => [g.name, g.id]),
    ),
    columnCodeIds: codes('columns'),
    coefficient: flags.has(`${COOCCURRENCE}coefficient`),
    filters: filtersFromFlags(db, flags, COOCCURRENCE),
  };
}

/** The CLI's words (names, comma lists) as the contract's options (ids). */
export function optionsFromFlags(db: Database.Database, flags: Map<string, string[]>): ExportOptionsInput {
  for (const flag of flags.keys())
    if (!KNOWN.has(flag)) throw new PassageError('invalid_argument', `export: unknown option ${flag}`);
  const codes = codebookOrder(loadCodes(db));
  const codeEntries: [string, number][] = codes.flatMap((c) => [
    [c.name, c.codeId] as [string, number],
    ...(c.path.length > 1 ? [[c.path.join('/'), c.codeId] as [string, number]] : []),
  ]);
  const include = list(flags.get('--include'));
  for (const s of include)
    if (!(EXPORT_SECTIONS as readonly string[]).includes(s))
      throw new PassageError(
        'invalid_argument',
        `export: --include: unknown part '${s}' (${EXPORT_SECTIONS.join(', ')})`,
      );
  const options: ExportOptionsInput = {
    codeIds: byName('code', list(flags.get('--codes')), codeEntries),
    codeGroupIds: byName(
      'code group',
      list(flags.get('--code-group')),
      loadCodeGroups(db).map((g) => [g.name, g.id]),
    ),
    includeMemos: flags.has('--memos'),
    filters: filtersFromFlags(db, flags, '--'),
    ...(include.length > 0 ? { sections: include as ExportSection[] } : {}),
  };
  const title = flags.get('--title')?.[0];
  const note = flags.get('--note')?.[0];
  if (title !== undefined) options.title = title;
  if (note !== undefined) options.methodNote = note;
  const cooccurrenceUnit = unit(`${COOCCURRENCE}unit`, flags.get(`${COOCCURRENCE}unit`)?.[0]);
  if (cooccurrenceUnit) options.cooccurrenceUnit = cooccurrenceUnit;
  const cooccurrence = cooccurrenceFromFlags(db, flags, codeEntries);
  if (cooccurrence) options.cooccurrence = cooccurrence;
  const matrixBy = flags.get('--matrix-by')?.[0];
  if (matrixBy !== undefined) options.matrixBy = matrixBy;
  const timelineUnit = unit('--timeline-unit', flags.get('--timeline-unit')?.[0]);
  if (timelineUnit) options.timelineUnit = timelineUnit;
  return options;
}
