import type Database from 'better-sqlite3';
import { DEFAULT_EXPORT_TITLE, type ExportFormat, type ExportOptions } from '../../shared/api/export';
import { PassageError } from '../../shared/api/result';
import type { ExportBlock, ExportDocument, TableSpec } from '../../shared/export/document';
import { planExport, type ExportPlan, type PlanCatalog, type PlannedPart } from '../../shared/export/plan';
import {
  appendixTable,
  codebookTable,
  cooccurrenceTable,
  frequenciesTable,
  matrixTable,
  timelineTable,
} from '../../shared/export/tables';
import { codebookOrder } from '../../shared/reports/codebook';
import type { EvidenceCode, MatrixBy, ReportFilters } from '../../shared/reports/model';
import { invoke } from '../backend/dispatch';
import { projectName } from '../backend/recent';
import type { Session } from '../backend/session';
import {
  cooccurrenceReport,
  evidenceReport,
  frequencyReport,
  matrixReport,
  timelineReport,
} from '../reports/reports';
import { loadCodeGroups, loadCodes } from '../reports/load';
import { statement } from '../store/statements';
import { configuredCooccurrence, cooccurrenceArgs } from './cooccurrencePart';

function catalogOf(db: Database.Database): PlanCatalog {
  return {
    codes: codebookOrder(loadCodes(db)).map((c) => ({ id: c.codeId, name: c.name, depth: c.depth })),
    codeGroups: loadCodeGroups(db),
  };
}

function reportFilters(options: ExportOptions, codeIds?: number[]): ReportFilters {
  return codeIds && codeIds.length > 0 ? { ...options.filters, codeIds } : { ...options.filters };
}

function chosenCodes(plan: ExportPlan, options: ExportOptions, catalog: PlanCatalog): number[] {
  const evidence = plan.parts.find((p) => p.section === 'evidence');
  if (evidence?.section === 'evidence') return evidence.groups.flatMap((g) => g.codeIds);
  // Without an evidence part the plan still knows the chosen codes through a throwaway evidence plan.
  return planExport({ ...options, sections: ['evidence'] }, catalog).parts.flatMap((p) =>
    p.section === 'evidence' ? p.groups.flatMap((g) => g.codeIds) : [],
  );
}

/** The plan with per-code segment counts after the filters: the dialog's outline and the job's total. */
export function planWithCounts(
  db: Database.Database,
  options: ExportOptions,
  format: ExportFormat = 'docx',
): ExportPlan {
  // CSV and TSV hold the coded segments only: the evidence part, whatever else was chosen.
  const effective: ExportOptions =
    format === 'csv' || format === 'tsv' ? { ...options, sections: ['evidence'] } : options;
  const catalog = catalogOf(db);
  const first = planExport(effective, catalog);
  const codeIds = chosenCodes(first, effective, catalog);
  if (!effective.sections.includes('evidence') || codeIds.length === 0)
    return withCooccurrenceCaption(db, first, effective);
  const frequencies = frequencyReport(db, reportFilters(effective, codeIds));
  const segmentsByCode = new Map(frequencies.rows.map((r) => [r.code.codeId, r.segments]));
  return withCooccurrenceCaption(db, planExport(effective, { ...catalog, segmentsByCode }), effective);
}

/** The co-occurrence part's own choice captions its table with its filters and N, in the outline too. */
function withCooccurrenceCaption(
  db: Database.Database,
  plan: ExportPlan,
  options: ExportOptions,
): ExportPlan {
  const part = plan.parts.find((p) => p.section === 'cooccurrence');
  if (!part || part.section === 'evidence' || !options.cooccurrence) return plan;
  const caption = `Table ${part.tableNumber}. ${configuredCooccurrence(db, options)!.caption}`;
  return {
    ...plan,
    parts: plan.parts.map((p) => (p === part ? { ...part, caption } : p)),
    outline: {
      ...plan.outline,
      items: plan.outline.items.map((item) =>
        item.section === 'cooccurrence' && item.level === 3 ? { ...item, text: caption } : item,
      ),
    },
  };
}

/** Refuses options that would write an empty or pointless file, with what to do about it. */
export function assertExportable(plan: ExportPlan): void {
  const problem = plan.outline.problems[0];
  if (problem) throw new PassageError('invalid_argument', `export: ${problem}`);
}

/** The time of the project's latest change to what an export shows, so the file does not carry the clock. */
function lastChange(db: Database.Database): string | null {
  const row = statement(
    db,
    `SELECT max(t) AS t FROM (
       SELECT max(updated_at) AS t FROM segments
       UNION ALL SELECT max(created_at) FROM codes
       UNION ALL SELECT max(imported_at) FROM documents
       UNION ALL SELECT max(created_at) FROM participants
       UNION ALL SELECT max(changed_at) FROM participant_status_history)`,
  ).get() as { t: string | null };
  return row.t;
}

async function tableFor(
  session: Session,
  part: Exclude<PlannedPart, { section: 'evidence' }>,
  options: ExportOptions,
  codeIds: number[],
  groupIds: number[],
): Promise<TableSpec> {
  const db = session.requireProject().db;
  switch (part.section) {
    case 'cooccurrence':
      return cooccurrenceTable(
        configuredCooccurrence(db, options)?.report ??
          cooccurrenceReport(db, cooccurrenceArgs(options, undefined, codeIds, groupIds)),
      );
    case 'matrix':
      return matrixTable(
        matrixReport(db, {
          filters: reportFilters(options, codeIds),
          by: options.matrixBy as MatrixBy,
          unit: 'segments',
          percent: 'none',
        }),
      );
    case 'timeline':
      return timelineTable(
        timelineReport(db, {
          filters: reportFilters(options, codeIds),
          unit: options.timelineUnit,
          by: codeIds.length > 0 ? 'codes' : 'overall',
        }),
      );
    case 'frequencies':
      return frequenciesTable(frequencyReport(db, reportFilters(options, codeIds)));
    case 'codebook': {
      const counts = new Map((await invoke(session, 'codes.list', {})).map((c) => [c.id, c]));
      return codebookTable(
        codebookOrder(loadCodes(db)).map((c) => ({
          name: c.name,
          depth: c.depth,
          description: c.description,
          segmentCount: counts.get(c.codeId)?.segmentCount ?? 0,
          documentCount: counts.get(c.codeId)?.documentCount ?? 0,
        })),
      );
    }
    case 'appendix1':
      return appendixTable(await invoke(session, 'sample.appendix', {}));
  }
}

/** Fills the plan with the report models: everything the renderers need, read in one go. */
export async function gatherExport(
  session: Session,
  plan: ExportPlan,
  options: ExportOptions,
): Promise<ExportDocument> {
  const project = session.requireProject();
  const catalog = catalogOf(project.db);
  const codeIds = chosenCodes(plan, options, catalog);
  const blocks: ExportBlock[] = [];
  for (const part of plan.parts) {
    if (part.section !== 'evidence') {
      const table = await tableFor(session, part, options, codeIds, options.codeGroupIds);
      blocks.push({
        kind: 'table',
        section: part.section,
        heading: part.heading,
        caption: part.caption,
        table,
      });
      continue;
    }
    const groups = [];
    for (const group of part.groups) {
      const report = evidenceReport(project.db, reportFilters(options, group.codeIds), 'document');
      const byId = new Map(report.codes.map((c) => [c.code.codeId, c]));
      groups.push({
        heading: group.heading,
        codes: group.codeIds.map((id) => byId.get(id)).filter((c): c is EvidenceCode => c !== undefined),
      });
    }
    blocks.push({ kind: 'evidence', groups });
  }
  return {
    title: plan.title,
    projectName: projectName(project.path),
    // The title the user gave (dialog or --title) heads every page; the default one is no study title.
    runningTitle: options.title === DEFAULT_EXPORT_TITLE ? null : options.title,
    methodNote: plan.methodNote,
    includeMemos: options.includeMemos,
    blocks,
    modified: lastChange(project.db),
  };
}
