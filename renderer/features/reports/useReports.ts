import { create } from 'zustand';
import type { ReportOptions } from '../../../shared/api/reports';
import type {
  CellEvidence,
  CooccurrenceUnit,
  EvidenceSort,
  MatrixBy,
  MatrixPercent,
  MatrixUnit,
  Report,
  ReportFilters,
  TimelineBy,
  TimelineUnit,
} from '../../../shared/reports/model';
import { call } from '../../api/client';

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
  report: Report | null;
  loading: boolean;
  cell: CellEvidence | null;
  cellLoading: boolean;
  /** Bumped per request so a slow answer never overwrites a newer one. */
  request: number;
  setTab(tab: ReportTab): void;
  setFilters(patch: Partial<ReportFilters>): void;
  setSettings(patch: Partial<ReportSettings>): void;
  loadOptions(): Promise<void>;
  run(): Promise<void>;
  openCell(cell: Parameters<typeof requestCell>[1]): Promise<void>;
  closeCell(): void;
}

async function requestReport(
  tab: ReportTab,
  filters: ReportFilters,
  s: ReportSettings,
): Promise<Report | undefined> {
  switch (tab) {
    case 'evidence':
      return call('reports.evidence', { filters, sort: s.sort });
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
    const report = await requestReport(tab, filters, settings);
    if (get().request !== request) return;
    set({ report: report ?? null, loading: false });
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
