import path from 'node:path';
import { PassageError } from '../../../shared/api/result';
import type { ReportOptions } from '../../../shared/api/reports';
import type { ReportFilters, Report } from '../../../shared/reports/model';
import { tablesToCsv } from '../../../shared/export/csv';
import { reportTables } from '../../../shared/reports/tables';
import { citationsFilledIn } from '../../../shared/reports/evidence';
import { invoke } from '../../backend/dispatch';
import type { Session } from '../../backend/session';
import type { Command } from '../command';

const KINDS = ['evidence', 'cooccurrence', 'matrix', 'timeline', 'frequencies'] as const;
type Kind = (typeof KINDS)[number];

/** --name value pairs and bare flags after FILE and the report kind. */
function parseFlags(argv: string[]): { values: Map<string, string>; flags: Set<string> } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new PassageError('invalid_argument', `report: unexpected argument ${arg}`);
    const name = arg.slice(2);
    if (name === 'csv' || name === 'coefficient' || name === 'include-withdrawn') flags.add(name);
    else {
      const value = argv[++i];
      if (value === undefined) throw new PassageError('invalid_argument', `report: --${name} needs a value`);
      values.set(name, value);
    }
  }
  return { values, flags };
}

function byName<T extends { name: string }>(list: T[], name: string, what: string): T {
  const found = list.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new PassageError('not_found', `report: ${what} ${name} not found`);
  return found;
}

/** Codes by name or path ("Cooperation/Formal"). */
function codeIdsOf(options: ReportOptions, list: string): number[] {
  return list.split(',').map((name) => {
    const wanted = name.trim().toLowerCase();
    const code = options.codes.find(
      (c) => c.path.join('/').toLowerCase() === wanted || c.name.toLowerCase() === wanted,
    );
    if (!code) throw new PassageError('not_found', `report: code ${name.trim()} not found`);
    return code.codeId;
  });
}

function year(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n))
    throw new PassageError('invalid_argument', `report: --${flag}: ${value} is not a year`);
  return n;
}

async function runReport(
  session: Session,
  kind: Kind,
  values: Map<string, string>,
  flags: Set<string>,
): Promise<Report> {
  const options = await invoke(session, 'reports.options', {});
  const filters: ReportFilters = {};
  if (values.has('codes')) filters.codeIds = codeIdsOf(options, values.get('codes')!);
  if (values.has('code-group'))
    filters.codeGroupId = byName(options.codeGroups, values.get('code-group')!, 'code group').id;
  if (values.has('group'))
    filters.documentGroupIds = values
      .get('group')!
      .split(',')
      .map((g) => byName(options.documentGroups, g, 'document group').id);
  const kindFilter = values.get('kind');
  if (kindFilter !== undefined) {
    if (kindFilter !== 'interview' && kindFilter !== 'document')
      throw new PassageError('invalid_argument', 'report: --kind must be interview or document');
    filters.kind = kindFilter;
  }
  if (values.has('category'))
    filters.participantCategoryIds = values
      .get('category')!
      .split(',')
      .map((c) => byName(options.categories, c, 'participant category').id);
  if (values.has('wave')) filters.waves = values.get('wave')!.split(',').map(Number);
  filters.yearFrom = year(values.get('from'), 'from');
  filters.yearTo = year(values.get('to'), 'to');
  if (values.has('coder')) filters.coder = values.get('coder');
  if (flags.has('include-withdrawn')) filters.excludeWithdrawn = false;
  const unit = values.get('unit');
  switch (kind) {
    case 'evidence':
      // No pageSize: the CLI prints every quote and every citation (the Reports tab asks for pages).
      return citationsFilledIn(
        await invoke(session, 'reports.evidence', { filters, sort: values.get('sort') ?? 'document' }),
      );
    case 'cooccurrence':
      return invoke(session, 'reports.cooccurrence', {
        filters,
        unit: unit ?? 'documents',
        coefficient: flags.has('coefficient'),
        ...(values.has('columns') ? { columnCodeIds: codeIdsOf(options, values.get('columns')!) } : {}),
        ...(values.has('row-groups')
          ? {
              rowCodeGroupIds: values
                .get('row-groups')!
                .split(',')
                .map((g) => byName(options.codeGroups, g, 'code group').id),
            }
          : {}),
      });
    case 'matrix':
      return invoke(session, 'reports.matrix', {
        filters,
        by: values.get('by') ?? 'groups',
        unit: unit ?? 'segments',
        percent: values.get('percent') ?? 'none',
      });
    case 'timeline':
      return invoke(session, 'reports.timeline', {
        filters,
        unit: unit ?? 'documents',
        by: values.get('by') ?? 'overall',
      });
    case 'frequencies':
      return invoke(session, 'reports.frequencies', { filters });
  }
}

function human(report: Report): string {
  const lines = [report.header.title, ...report.header.filters.map((f) => `  ${f}`)];
  lines.push(`  N = ${report.header.documentCount} documents, ${report.header.segmentCount} segments`);
  for (const table of reportTables(report)) {
    lines.push('', table.caption, table.header.join('\t'), ...table.rows.map((r) => r.join('\t')));
  }
  return lines.join('\n');
}

export const reportsCommands: Command[] = [
  {
    name: 'report',
    usage:
      'passage report FILE evidence|cooccurrence|matrix|timeline|frequencies [--codes A,B|--code-group G] [--group DOCGROUP] [--kind interview|document] [--unit documents|segments] [--by groups|categories|documents|attribute:NAME] [--from YEAR --to YEAR] [--coder NAME] [--json|--csv]',
    summary: 'a report as a table, JSON (--json) or CSV (--csv)',
    async run({ session, out, argv }) {
      const [file, kind, ...rest] = argv;
      if (!file) throw new PassageError('invalid_argument', 'report: missing project FILE');
      if (!kind || !(KINDS as readonly string[]).includes(kind))
        throw new PassageError('invalid_argument', `report: kind must be one of ${KINDS.join(', ')}`);
      const { values, flags } = parseFlags(rest);
      await invoke(session, 'project.open', { path: path.resolve(file) });
      const report = await runReport(session, kind as Kind, values, flags);
      if (flags.has('csv') && !out.json) process.stdout.write(tablesToCsv(reportTables(report)));
      else out.print(report, () => human(report));
    },
  },
];
