// Contract of the export: Word (.docx), CSV/TSV and Markdown exports of coded evidence, report tables,
// the codebook and the Appendix-1 list of interviews.
import { z } from 'zod';
import type { JobStarted } from './jobs';
import { filePath, id, name, shortText } from './schemas';

/** The parts an appendix can hold, in the order the user arranges them. */
export const EXPORT_SECTIONS = [
  'evidence',
  'cooccurrence',
  'matrix',
  'timeline',
  'frequencies',
  'codebook',
  'appendix1',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

export const EXPORT_FORMATS = ['docx', 'csv', 'tsv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const attributeCondition = z
  .object({
    scope: z.enum(['document', 'participant']),
    name,
    op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains']),
    value: shortText,
  })
  .strict();
const year = z.number().int().min(0).max(9999);

/**
 * The report filters (shared/reports/model.ts ReportFilters) minus the code choice, which the export
 * makes itself (codeIds / codeGroupIds below) so each chosen group gets its own heading.
 */
export const exportFilters = z
  .object({
    documentGroupIds: z.array(id).max(1000).optional(),
    kind: z.enum(['interview', 'document']).optional(),
    participantCategoryIds: z.array(id).max(1000).optional(),
    waves: z.array(z.number().int().min(0).max(1000)).max(1000).optional(),
    attributes: z.array(attributeCondition).max(50).optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    coder: shortText.optional(),
    excludeWithdrawn: z.boolean().optional(),
  })
  .strict();
export type ExportFilters = z.output<typeof exportFilters>;

/**
 * The co-occurrence part's own choice, as the Reports tab's co-occurrence report makes it, so one appendix
 * can hold "codes co-occurring with Legitimacy in document group NGOs" beside evidence from interviews.
 * Absent: the part uses the export's codes (columns), code groups (rows) and filters.
 */
export const exportCooccurrence = z
  .object({
    unit: z.enum(['documents', 'segments']).default('documents'),
    /** Rows: these codes (the report's filters.codeIds); every code when empty and no row groups. */
    rowCodeIds: z.array(id).max(10_000).default([]),
    /** One captioned block of rows per code group; without row codes, the rows are exactly these groups' codes. */
    rowCodeGroupIds: z.array(id).max(1000).default([]),
    /** Columns; the row codes when empty. */
    columnCodeIds: z.array(id).max(10_000).default([]),
    coefficient: z.boolean().default(false),
    /** Which documents and segments the table counts, instead of the export's filters. */
    filters: exportFilters.default({}),
  })
  .strict();
export type ExportCooccurrence = z.output<typeof exportCooccurrence>;

/** The title an export gets unless the user names one; it never stands in for the study's title. */
export const DEFAULT_EXPORT_TITLE = 'Appendix: coded evidence';

export const exportOptions = z
  .object({
    /** The appendix's title, and the running header unless it is the default (then the file's name). */
    title: z.string().trim().min(1, 'title is empty').max(300).default(DEFAULT_EXPORT_TITLE),
    /** One paragraph under the title, editable in the dialog. */
    methodNote: z.string().max(10_000).default(''),
    /** In the order they appear; each at most once. */
    sections: z
      .array(z.enum(EXPORT_SECTIONS))
      .min(1, 'no sections chosen')
      .max(EXPORT_SECTIONS.length)
      .refine((s) => new Set(s).size === s.length, 'a section is listed twice')
      .default(['evidence']),
    /** Code groups: a Heading 1 each, with their codes as Heading 2. */
    codeGroupIds: z.array(id).max(1000).default([]),
    /** Codes chosen one by one (under "Codes" / "Other codes"). */
    codeIds: z.array(id).max(10_000).default([]),
    includeMemos: z.boolean().default(false),
    filters: exportFilters.default({}),
    /** The co-occurrence unit when `cooccurrence` is absent (settings saved before it existed). */
    cooccurrenceUnit: z.enum(['documents', 'segments']).default('documents'),
    cooccurrence: exportCooccurrence.optional(),
    matrixBy: z
      .string()
      .max(300)
      .regex(
        /^(groups|categories|documents|attribute:.+)$/,
        'matrixBy: groups, categories, documents or attribute:NAME',
      )
      .default('groups'),
    timelineUnit: z.enum(['documents', 'segments']).default('segments'),
  })
  .strict();
/** What a caller sends (defaults not yet applied). */
export type ExportOptionsInput = z.input<typeof exportOptions>;
/** What the backend works with. */
export type ExportOptions = z.output<typeof exportOptions>;

export const exportArgs = {
  /** The outline of the document the options would produce: the dialog's live preview. */
  'export.outline': z.object({ options: exportOptions }).strict(),
  /**
   * Starts the export as a job; its result is an ExportResult. `target` must end in the format's
   * extension; a relative one is taken in the folder of the last export (else the documents folder).
   * An existing target fails with 'conflict' unless `overwrite` (the user confirmed); the project, its
   * companions, backups and identity keys are never replaced, whatever `overwrite` says.
   */
  'export.start': z
    .object({
      options: exportOptions,
      format: z.enum(EXPORT_FORMATS),
      target: filePath,
      overwrite: z.boolean().default(false),
    })
    .strict(),
  /** A suggested target beside the project file. */
  'export.defaultTarget': z.object({ format: z.enum(EXPORT_FORMATS) }).strict(),
  /** The file a finished export job wrote, as base64 (browser mode offers it as a download). */
  'export.download': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  /** The dialog's last options saved in the project; null when never saved. */
  'export.getSettings': z.object({}).strict(),
  /** Remembers the dialog's options in the project, so they come back on reopening. */
  'export.saveSettings': z.object({ options: exportOptions }).strict(),
};

/** One line of the outline: a heading of the document to be written. */
export interface OutlineItem {
  /** 0 = title, 1 = Heading 1, 2 = Heading 2, 3 = a table caption. */
  level: 0 | 1 | 2 | 3;
  text: string;
  section: ExportSection | 'title';
  /** Segments under a code heading (after filters), when known. */
  segments?: number;
}

export interface ExportOutline {
  items: OutlineItem[];
  /** Why the export would fail or be empty, in words ("no codes selected"). Empty when it can go ahead. */
  problems: string[];
  /** Quotes the evidence part would hold (the job's total). */
  quotes: number;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  bytes: number;
  quotes: number;
  tables: number;
}

export interface ExportDownload {
  fileName: string;
  mimeType: string;
  base64: string;
}

export interface ExportResults {
  'export.outline': ExportOutline;
  'export.start': JobStarted;
  'export.defaultTarget': string;
  'export.download': ExportDownload;
  'export.getSettings': ExportOptions | null;
  'export.saveSettings': null;
}
