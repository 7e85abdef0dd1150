import path from 'node:path';
import {
  EXPORT_FORMATS,
  EXPORT_SECTIONS,
  type ExportFilters,
  type ExportFormat,
  type ExportOptionsInput,
  type ExportResult,
  type ExportSection,
} from '../../../shared/api/export';
import { PassageError } from '../../../shared/api/result';
import { codebookOrder } from '../../../shared/reports/codebook';
import { invoke } from '../../backend/dispatch';
import { loadCodeGroups, loadCodes, loadNamed } from '../../reports/load';
import type Database from 'better-sqlite3';
import type { Command } from '../command';

const USAGE =
  'passage export FILE docx|csv|tsv|md OUT [--codes A,B] [--code-group G] [--include evidence,cooccurrence,matrix,timeline,frequencies,codebook,appendix1] [--memos] [--title T] [--note TEXT] [--document-group G] [--kind interview|document] [--category C] [--wave N] [--from YEAR] [--to YEAR] [--coder NAME] [--include-withdrawn] [--force]';

const FLAGS = new Set(['--memos', '--include-withdrawn', '--force']);

/** `--name value` pairs and bare flags; anything else is an error naming it. */
export function parseFlags(argv: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new PassageError('invalid_argument', `export: unexpected argument '${arg}'`);
    if (FLAGS.has(arg)) {
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

/** The CLI's words (names, comma lists) as the contract's options (ids). */
export function optionsFromFlags(db: Database.Database, flags: Map<string, string[]>): ExportOptionsInput {
  const known = new Set([
    '--codes',
    '--code-group',
    '--include',
    '--memos',
    '--title',
    '--note',
    '--document-group',
    '--kind',
    '--category',
    '--wave',
    '--from',
    '--to',
    '--coder',
    '--include-withdrawn',
    '--force',
    '--cooccurrence-unit',
    '--matrix-by',
    '--timeline-unit',
  ]);
  for (const flag of flags.keys())
    if (!known.has(flag)) throw new PassageError('invalid_argument', `export: unknown option ${flag}`);
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
  const kind = flags.get('--kind')?.[0];
  if (kind !== undefined && kind !== 'interview' && kind !== 'document')
    throw new PassageError('invalid_argument', `export: --kind must be interview or document`);
  const filters: ExportFilters = {
    ...(flags.has('--document-group')
      ? {
          documentGroupIds: byName(
            'document group',
            list(flags.get('--document-group')),
            [...loadNamed(db, 'document_groups')].map(([id, name]) => [name, id]),
          ),
        }
      : {}),
    ...(kind ? { kind } : {}),
    ...(flags.has('--category')
      ? {
          participantCategoryIds: byName(
            'category',
            list(flags.get('--category')),
            [...loadNamed(db, 'participant_categories')].map(([id, name]) => [name, id]),
          ),
        }
      : {}),
    ...(flags.has('--wave') ? { waves: list(flags.get('--wave')).map((w) => int('--wave', w)!) } : {}),
    ...(flags.has('--from') ? { yearFrom: int('--from', flags.get('--from')![0]) } : {}),
    ...(flags.has('--to') ? { yearTo: int('--to', flags.get('--to')![0]) } : {}),
    ...(flags.has('--coder') ? { coder: flags.get('--coder')![0] } : {}),
    ...(flags.has('--include-withdrawn') ? { excludeWithdrawn: false } : {}),
  };
  const options: ExportOptionsInput = {
    codeIds: byName('code', list(flags.get('--codes')), codeEntries),
    codeGroupIds: byName(
      'code group',
      list(flags.get('--code-group')),
      loadCodeGroups(db).map((g) => [g.name, g.id]),
    ),
    includeMemos: flags.has('--memos'),
    filters,
    ...(include.length > 0 ? { sections: include as ExportSection[] } : {}),
  };
  const title = flags.get('--title')?.[0];
  const note = flags.get('--note')?.[0];
  if (title !== undefined) options.title = title;
  if (note !== undefined) options.methodNote = note;
  const unit = flags.get('--cooccurrence-unit')?.[0];
  if (unit === 'documents' || unit === 'segments') options.cooccurrenceUnit = unit;
  const matrixBy = flags.get('--matrix-by')?.[0];
  if (matrixBy !== undefined) options.matrixBy = matrixBy;
  const timelineUnit = flags.get('--timeline-unit')?.[0];
  if (timelineUnit === 'documents' || timelineUnit === 'segments') options.timelineUnit = timelineUnit;
  return options;
}

export const exportCommands: Command[] = [
  {
    name: 'export',
    usage: 'passage export FILE docx|csv|tsv|md OUT [options] [--force]',
    summary:
      'write a Word appendix (docx), the coded segments (csv, tsv) or Markdown; OUT is relative to the current folder and must end in .docx, .csv, .tsv or .md; an existing OUT is replaced only with --force (never the project, its backups or an identity key)',
    async run({ session, out, argv }) {
      const [file, format, target, ...rest] = argv;
      if (!file || !format || !target) throw new PassageError('invalid_argument', `usage: ${USAGE}`);
      if (!(EXPORT_FORMATS as readonly string[]).includes(format))
        throw new PassageError(
          'invalid_argument',
          `export: format must be one of ${EXPORT_FORMATS.join(', ')}`,
        );
      await invoke(session, 'project.open', { path: path.resolve(file) });
      const flags = parseFlags(rest);
      const options = optionsFromFlags(session.requireProject().db, flags);
      const { jobId } = await invoke(session, 'export.start', {
        options,
        format: format as ExportFormat,
        // A shell user means the shell's folder; the backend would take the app's last export folder.
        target: path.resolve(target),
        overwrite: flags.has('--force'),
      });
      const status = await session.jobs.wait(jobId);
      if (status.state !== 'done')
        throw new PassageError(
          status.state === 'cancelled' ? 'cancelled' : 'io',
          status.error ?? 'export: failed',
        );
      const result = status.result as ExportResult;
      out.print(
        result,
        () =>
          `wrote ${result.path} (${result.quotes} quotes, ${result.tables} tables, ${result.bytes.toLocaleString('en')} bytes)`,
      );
    },
  },
];
