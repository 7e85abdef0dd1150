import { create } from 'zustand';
import type { PagedEvidenceReport, ReportOptions } from '../../../shared/api/reports';
import type {
  CellEvidence,
  CooccurrenceUnit,
  EvidenceReport,
  EvidenceSort,
  MatrixBy,
  MatrixPercent,
  MatrixUnit,
  Report,
  ReportFilters,
  TimelineBy,
  TimelineUnit,
} from '../../../shared/reports/model';
import {
  EVIDENCE_PAGE_SIZE,
  evidenceCodeCount,
  firstEvidencePageSize,
} from '../../../shared/reports/evidence';
import { call } from '../../api/client';

/** A report as the area shows it: the evidence report comes in pages. */
export type ShownReport = Exclude<Report, EvidenceReport> | PagedEvidenceReport;

export type ReportTab = 'evidence' | 'cooccurrence' | 'matrix' | 'timeline' | 'frequencies' | 'sample';

export interface ReportSettings {
  sort: EvidenceSort;
  unit: CooccurrenceUnit;
  coefficient: boolean;
  columnCodeIds: number[];
  rowCodeGroupIds: number[];
  matrixBy: MatrixBy;
  matrixUnit: MatrixUnit;
  percent: MatrixPercent;
  timelineUnit: TimelineUnit;
  timelineBy: TimelineBy;
  chart: 'bar' | 'line';
}

interface ReportsState {
  tab: ReportTab;
  filters: ReportFilters;
  settings: ReportSettings;
  options: ReportOptions | null;
  report: ShownReport | null;
  loading: boolean;
  /** Codes whose next evidence page is on its way. */
  loadingMore: number[];
  cell: CellEvidence | null;
  cellLoading: boolean;
  /** Bumped per request so a slow answer never overwrites a newer one. */
  request: number;
  setTab(tab: ReportTab): void;
  setFilters(patch: Partial<ReportFilters>): void;
  setSettings(patch: Partial<ReportSettings>): void;
  loadOptions(): Promise<void>;
  run(): Promise<void>;
  /** Appends the next page of one code's evidence to the shown report. */
  loadMoreEvidence(codeId: number): Promise<void>;
  /** Fills in one code's citation list, which a long one leaves out of the shown report. */
  loadCitations(codeId: number): Promise<void>;
  openCell(cell: Parameters<typeof requestCell>[1]): Promise<void>;
  closeCell(): void;
}

async function requestReport(
  tab: ReportTab,
  filters: ReportFilters,
  s: ReportSettings,
  options: ReportOptions | null,
): Promise<ShownReport | undefined> {
  switch (tab) {
    case 'evidence': {
      const shown = options ? evidenceCodeCount(filters, options.codes, options.codeGroups) : 1;
      return call('reports.evidence', { filters, sort: s.sort, pageSize: firstEvidencePageSize(shown) });
    }
    case 'cooccurrence':
      return call('reports.cooccurrence', {
        filters,
        unit: s.unit,
        coefficient: s.coefficient,
        ...(s.columnCodeIds.length > 0 ? { columnCodeIds: s.columnCodeIds } : {}),
        ...(s.rowCodeGroupIds.length > 0 ? { rowCodeGroupIds: s.rowCodeGroupIds } : {}),
      });
    case 'matrix':
      return call('reports.matrix', { filters, by: s.matrixBy, unit: s.matrixUnit, percent: s.percent });
    case 'timeline':
      return call('reports.timeline', { filters, unit: s.timelineUnit, by: s.timelineBy });
    case 'frequencies':
      return call('reports.frequencies', { filters });
    case 'sample':
      return undefined;
  }
}

function requestCell(
  filters: ReportFilters,
  cell: Parameters<typeof call<'reports.cellEvidence'>>[1]['cell'],
) {
  return call('reports.cellEvidence', { filters, cell });
}

/** The Reports area's state: which report, its filters and settings, and the last result (computed by the backend). */
export const useReports = create<ReportsState>((set, get) => ({
  tab: 'cooccurrence',
  filters: {},
  settings: {
    sort: 'document',
    unit: 'documents',
    coefficient: false,
    columnCodeIds: [],
    rowCodeGroupIds: [],
    matrixBy: 'groups',
    matrixUnit: 'segments',
    percent: 'none',
    timelineUnit: 'documents',
    timelineBy: 'overall',
    chart: 'bar',
  },
  options: null,
  report: null,
  loading: false,
  loadingMore: [],
  cell: null,
  cellLoading: false,
  request: 0,
  setTab(tab) {
    // Clicking the tab already shown keeps its report: nothing would run it again.
    if (tab === get().tab) return;
    set({ tab, report: null, cell: null });
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, cell: null });
  },
  setSettings(patch) {
    set({ settings: { ...get().settings, ...patch }, cell: null });
  },
  async loadOptions() {
    const options = await call('reports.options', {});
    if (options) set({ options });
  },
  async run() {
    const { tab, filters, settings } = get();
    const request = get().request + 1;
    set({ request, loading: true });
    // Evidence sizes its first pages by the codebook, which the first run on opening may not have yet.
    if (tab === 'evidence' && get().options === null) await get().loadOptions();
    const report = await requestReport(tab, filters, settings, get().options);
    if (get().request !== request) return;
    set({ report: report ?? null, loading: false, loadingMore: [] });
  },
  async loadMoreEvidence(codeId) {
    const { report, filters, settings, request, loadingMore } = get();
    if (report?.kind !== 'evidence' || loadingMore.includes(codeId)) return;
    const offset = report.codes.find((c) => c.code.codeId === codeId)?.nextOffset ?? null;
    if (offset === null) return;
    set({ loadingMore: [...loadingMore, codeId] });
    const page = await call('reports.evidencePage', {
      filters,
      sort: settings.sort,
      codeId,
      offset,
      pageSize: EVIDENCE_PAGE_SIZE,
    });
    const current = get().report;
    // A newer report (other filters, sort or data) replaced the one this page belongs to.
    if (get().request !== request || current?.kind !== 'evidence') return;
    set({
      loadingMore: get().loadingMore.filter((id) => id !== codeId),
      ...(page && {
        report: {
          ...current,
          codes: current.codes.map((c) =>
            c.code.codeId === codeId && c.nextOffset === offset
              ? { ...c, items: [...c.items, ...page.items], nextOffset: page.nextOffset }
              : c,
          ),
        },
      }),
    });
  },
  async loadCitations(codeId) {
    const { report, filters, request } = get();
    if (report?.kind !== 'evidence') return;
    const answer = await call('reports.evidenceCitations', { filters, codeId });
    const current = get().report;
    if (!answer || get().request !== request || current?.kind !== 'evidence') return;
    set({
      report: {
        ...current,
        codes: current.codes.map((c) =>
          c.code.codeId === codeId ? { ...c, citations: answer.citations } : c,
        ),
      },
    });
  },
  async openCell(cell) {
    set({ cellLoading: true, cell: null });
    const result = await requestCell(get().filters, cell);
    set({ cell: result ?? null, cellLoading: false });
  },
  closeCell() {
    set({ cell: null });
  },
}));
