import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { resolveContext } from '../../electron/reports/context';
import { loadSpans } from '../../electron/reports/load';
import { cooccurrenceReport } from '../../electron/reports/reports';
import { countCooccurrence } from '../../shared/reports/cooccurrence';
import { buildCooccurrenceTable } from '../../shared/reports/cooccurrenceReport';
import type { CooccurrenceReport, ReportFilters } from '../../shared/reports/model';
import { generatedProject } from './generatedProject';

/** The documents-unit table as the sweep over every span gave it, for the rows and columns shown. */
function fromSpans(
  db: Parameters<typeof resolveContext>[0],
  filters: ReportFilters,
  report: CooccurrenceReport,
  coefficient: boolean,
) {
  const context = resolveContext(db, filters);
  const rowGroups = report.rowGroups.map((g) => ({
    caption: g.caption,
    codeGroupId: g.codeGroupId,
    codes: g.rows.map((r) => r.code),
  }));
  const columns = report.columns.map((c) => c.code);
  const involved = [...new Set([...rowGroups.flatMap((g) => g.codes), ...columns].map((c) => c.codeId))];
  const spans = loadSpans(db, involved, new Set(context.documents.keys()), null);
  return buildCooccurrenceTable(rowGroups, columns, countCooccurrence(spans), 'documents', coefficient);
}

const withoutTime = (r: CooccurrenceReport) => ({ ...r.header, generatedAt: '' });

describe('co-occurrence by documents from the kept counts', () => {
  it('equals the sweep over the spans: whole study, a group, picked codes and columns, withdrawn left out', async () => {
    const { session, db, study } = await generatedProject({
      documents: 60,
      codes: 9,
      segments: 2500,
      bigCodeSegments: 600,
      seed: 8,
    });
    // A withdrawn participant's documents leave the report and are named in its header.
    db.prepare(
      "UPDATE participants SET status = 'withdrawn' WHERE id = (SELECT min(id) FROM participants)",
    ).run();
    db.prepare('DELETE FROM segments WHERE id % 5 = 0 AND code_id = ?').run(study.codeIds[4]);
    const group = await invoke(session, 'documentGroups.create', {
      name: 'Every third',
      documentIds: study.documentIds.filter((_, i) => i % 3 === 1),
    });
    const cases: { filters: ReportFilters; columnCodeIds?: number[] }[] = [
      { filters: {} },
      { filters: { documentGroupIds: [group.id] } },
      { filters: { codeIds: study.codeIds.slice(2, 6) } },
      { filters: { yearFrom: 2005, yearTo: 2012 }, columnCodeIds: [study.codeIds[0]!, study.codeIds[7]!] },
    ];
    for (const { filters, columnCodeIds } of cases)
      for (const coefficient of [false, true]) {
        const args = {
          filters,
          unit: 'documents' as const,
          coefficient,
          ...(columnCodeIds && { columnCodeIds }),
        };
        const report = cooccurrenceReport(db, args);
        const expected = fromSpans(db, filters, report, coefficient);
        expect(report.columns).toEqual(expected.columns);
        expect(report.rowGroups).toEqual(expected.rowGroups);
        // The header counts what the overlap unit (still read from the spans) counts.
        const bySpans = cooccurrenceReport(db, { ...args, unit: 'segments' });
        expect(withoutTime(report)).toEqual(withoutTime(bySpans));
        // The withdrawn participant's interview is the study's first document: outside the group and years.
        if (Object.keys(filters).length === 0) expect(report.header.excludedWithdrawn.documents).toBe(1);
      }
    // Something co-occurs, so the comparison compared numbers.
    const whole = cooccurrenceReport(db, { filters: {}, unit: 'documents', coefficient: false });
    expect(whole.rowGroups[0]!.rows.some((r) => r.cells.some((c) => c.count > 0))).toBe(true);
  });

  it('reads no span for the documents unit (the spans are what took seconds at 10×)', async () => {
    const { db } = await generatedProject({
      documents: 20,
      codes: 4,
      segments: 300,
      bigCodeSegments: 100,
      seed: 2,
    });
    const read: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      read.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      cooccurrenceReport(db, { filters: {}, unit: 'documents', coefficient: false });
    } finally {
      db.prepare = prepare;
    }
    expect(read.filter((sql) => /FROM segments\b/.test(sql))).toEqual([]);
  });
});
