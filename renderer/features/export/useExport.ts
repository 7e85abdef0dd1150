import { create } from 'zustand';
import {
  DEFAULT_EXPORT_TITLE,
  EXPORT_SECTIONS,
  type ExportCooccurrence,
  type ExportFilters,
  type ExportFormat,
  type ExportOptions,
  type ExportOptionsInput,
  type ExportOutline,
  type ExportSection,
} from '../../../shared/api/export';
import type { ReportOptions } from '../../../shared/api/reports';
import { withFormatExtension } from '../../../shared/export/targetName';
import { call, callOrError } from '../../api/client';

/** The co-occurrence part's own choice, apart from its unit (kept with or without it). */
export type CooccurrenceChoice = Omit<ExportCooccurrence, 'unit'>;
type Unit = 'documents' | 'segments';

/** The export dialog's choices; `optionsOf()` turns them into the contract's ExportOptions. */
interface ExportState {
  choices: ReportOptions | null;
  title: string;
  methodNote: string;
  /** Every part, in the user's order; `enabled` says which are written. */
  order: ExportSection[];
  enabled: Record<ExportSection, boolean>;
  codeGroupIds: number[];
  codeIds: number[];
  includeMemos: boolean;
  filters: ExportFilters;
  cooccurrenceUnit: Unit;
  /** The co-occurrence part counts its own rows, columns and filters; else the export's codes and filters. */
  cooccurrenceOwn: boolean;
  cooccurrence: CooccurrenceChoice;
  matrixBy: string;
  timelineUnit: Unit;
  format: ExportFormat;
  target: string;
  outline: ExportOutline | null;
  jobId: string | null;
  error: string | null;
  /** The existing file the user is asked about ("Replace study appendix.docx?"); null when not asking. */
  replacing: string | null;
  /** The options last saved in the project (JSON); null until restoreSettings ran, so nothing is saved over them before. */
  savedSettings: string | null;
  load(): Promise<void>;
  /** Puts back the options saved in the project, or the defaults when none were saved. */
  restoreSettings(): Promise<void>;
  /** Saves the current options in the project when they differ from the saved ones. */
  saveSettings(): Promise<void>;
  patch(
    change: Partial<
      Pick<
        ExportState,
        | 'title'
        | 'methodNote'
        | 'includeMemos'
        | 'target'
        | 'cooccurrenceUnit'
        | 'cooccurrenceOwn'
        | 'matrixBy'
        | 'timelineUnit'
      >
    >,
  ): void;
  setCooccurrence(change: Partial<CooccurrenceChoice>): void;
  setFormat(format: ExportFormat): Promise<void>;
  toggleSection(section: ExportSection): void;
  move(section: ExportSection, by: -1 | 1): void;
  toggleCode(id: number): void;
  toggleGroup(id: number): void;
  setFilters(filters: ExportFilters): void;
  refreshOutline(): Promise<void>;
  /** Exports to the target (its extension set first); an existing file makes the dialog ask. */
  start(): Promise<void>;
  /** The user confirmed: the existing file is replaced. */
  confirmReplace(): Promise<void>;
  cancelReplace(): void;
}

export const DEFAULT_METHOD_NOTE =
  'The quotes below are the coded segments of the chosen codes, verbatim, each followed by its source.';

const toggled = (list: number[], id: number) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

export function optionsOf(s: ExportState): ExportOptionsInput {
  return {
    title: s.title.trim() || DEFAULT_EXPORT_TITLE,
    methodNote: s.methodNote,
    sections: s.order.filter((section) => s.enabled[section]),
    codeGroupIds: s.codeGroupIds,
    codeIds: s.codeIds,
    includeMemos: s.includeMemos,
    filters: s.filters,
    cooccurrenceUnit: s.cooccurrenceUnit,
    ...(s.cooccurrenceOwn ? { cooccurrence: { ...s.cooccurrence, unit: s.cooccurrenceUnit } } : {}),
    matrixBy: s.matrixBy,
    timelineUnit: s.timelineUnit,
  };
}

const NO_COOCCURRENCE_CHOICE: CooccurrenceChoice = {
  rowCodeIds: [],
  rowCodeGroupIds: [],
  columnCodeIds: [],
  coefficient: false,
  filters: {},
};

/** What the options' defaults are, once, for a new dialog and for a project with nothing saved. */
const initialOptions = {
  title: DEFAULT_EXPORT_TITLE,
  methodNote: DEFAULT_METHOD_NOTE,
  order: [...EXPORT_SECTIONS],
  enabled: Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, s === 'evidence'])) as Record<
    ExportSection,
    boolean
  >,
  codeGroupIds: [],
  codeIds: [],
  includeMemos: false,
  filters: {},
  cooccurrenceUnit: 'documents' as Unit,
  cooccurrenceOwn: false,
  cooccurrence: NO_COOCCURRENCE_CHOICE,
  matrixBy: 'groups',
  timelineUnit: 'segments' as Unit,
};

const initial = {
  choices: null,
  ...initialOptions,
  format: 'docx' as ExportFormat,
  target: '',
  outline: null,
  jobId: null,
  error: null,
  replacing: null,
  savedSettings: null,
};

/** The dialog's choices for options saved earlier: the saved parts first, in their order. */
function choicesFromSettings(saved: ExportOptions) {
  return {
    title: saved.title,
    methodNote: saved.methodNote,
    order: [...saved.sections, ...EXPORT_SECTIONS.filter((s) => !saved.sections.includes(s))],
    enabled: Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, saved.sections.includes(s)])) as Record<
      ExportSection,
      boolean
    >,
    codeGroupIds: saved.codeGroupIds,
    codeIds: saved.codeIds,
    includeMemos: saved.includeMemos,
    filters: saved.filters,
    cooccurrenceUnit: saved.cooccurrence?.unit ?? saved.cooccurrenceUnit,
    cooccurrenceOwn: saved.cooccurrence !== undefined,
    cooccurrence: saved.cooccurrence ?? NO_COOCCURRENCE_CHOICE,
    matrixBy: saved.matrixBy,
    timelineUnit: saved.timelineUnit,
  };
}

export const useExport = create<ExportState>((set, get) => ({
  ...initial,
  async load() {
    const [choices, target] = await Promise.all([
      call('reports.options', {}),
      call('export.defaultTarget', { format: get().format }),
    ]);
    set({ choices: choices ?? null, target: get().target || (target ?? '') });
  },
  async restoreSettings() {
    set({ savedSettings: null });
    // Without saved settings (a project that cannot answer) the dialog keeps working, it just forgets.
    const { value: saved, error } = await callOrError('export.getSettings', {});
    if (error || saved === undefined) return;
    set(saved ? choicesFromSettings(saved) : initialOptions);
    set({ savedSettings: JSON.stringify(optionsOf(get())) });
  },
  async saveSettings() {
    const saved = get().savedSettings;
    const options = optionsOf(get());
    if (saved === null || saved === JSON.stringify(options)) return;
    const { error } = await callOrError('export.saveSettings', { options });
    if (!error) set({ savedSettings: JSON.stringify(options) });
  },
  patch(change) {
    set(change);
  },
  setCooccurrence(change) {
    set({ cooccurrence: { ...get().cooccurrence, ...change } });
  },
  async setFormat(format) {
    const previous = get().format;
    set({ format });
    // Follow the format in a suggested name; a path the user typed keeps its name and gets the new extension.
    const target = get().target;
    if (target.endsWith(`.${previous}`)) set({ target: `${target.slice(0, -previous.length)}${format}` });
    else if (!target) set({ target: (await call('export.defaultTarget', { format })) ?? '' });
  },
  toggleSection(section) {
    set({ enabled: { ...get().enabled, [section]: !get().enabled[section] } });
  },
  move(section, by) {
    const order = [...get().order];
    const from = order.indexOf(section);
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    set({ order });
  },
  toggleCode(id) {
    set({ codeIds: toggled(get().codeIds, id) });
  },
  toggleGroup(id) {
    set({ codeGroupIds: toggled(get().codeGroupIds, id) });
  },
  setFilters(filters) {
    set({ filters });
  },
  async refreshOutline() {
    const { value, error } = await callOrError('export.outline', { options: optionsOf(get()) });
    set({ outline: value ?? null, error: error ? error.message : null });
  },
  async start() {
    // As a system save dialog does: the format's extension is added (or swapped) before anything is
    // checked, so the name the user confirms is the name written.
    const target = withFormatExtension(get().target, get().format);
    set({ target, error: null, jobId: null, replacing: null });
    void get().saveSettings();
    const { value, error } = await callOrError('export.start', {
      options: optionsOf(get()),
      format: get().format,
      target,
      overwrite: false,
    });
    if (error?.code === 'conflict') set({ replacing: target });
    else set(error ? { error: error.message } : { jobId: value!.jobId });
  },
  async confirmReplace() {
    const target = get().replacing;
    if (target === null) return;
    set({ replacing: null });
    const { value, error } = await callOrError('export.start', {
      options: optionsOf(get()),
      format: get().format,
      target,
      overwrite: true,
    });
    set(error ? { error: error.message } : { jobId: value!.jobId });
  },
  cancelReplace() {
    set({ replacing: null });
  },
}));

/** Saves the file a finished job wrote through the browser (browser mode has no file dialog). */
export async function downloadExport(jobId: string): Promise<void> {
  const file = await call('export.download', { jobId });
  if (!file) return;
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
