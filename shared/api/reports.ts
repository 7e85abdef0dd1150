// Contract of the reports: evidence by code, co-occurrence, matrices, counts over time, frequencies.
// The models live in shared/reports/model.ts; the UI, the CLI and the Word export all render them.
import { z } from 'zod';
import type {
  CellEvidence,
  CooccurrenceReport,
  EvidenceCode,
  EvidenceItem,
  EvidenceReport,
  FrequencyReport,
  MatrixReport,
  ReportCode,
  TimelineReport,
} from '../reports/model';
import { id, name, noArgs, shortText } from './schemas';

const ids = z.array(id).max(10_000);
/** Quotes per code in one answer. */
const pageSize = z.number().int().min(1).max(10_000);
const evidenceSort = z.enum(['document', 'date', 'label']).default('document');
const year = z.number().int().min(1000).max(9999);

export const attributeCondition = z
  .object({
    scope: z.enum(['document', 'participant']),
    name,
    op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains']),
    value: shortText,
  })
  .strict();

export const reportFilters = z
  .object({
    codeIds: ids.optional(),
    codeGroupId: id.optional(),
    codeSubtreeId: id.optional(),
    documentGroupIds: ids.optional(),
    kind: z.enum(['interview', 'document']).optional(),
    participantCategoryIds: ids.optional(),
    waves: z.array(z.number().int().nonnegative().max(10_000)).max(1000).optional(),
    attributes: z.array(attributeCondition).max(50).optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    coder: name.optional(),
    excludeWithdrawn: z.boolean().optional(),
  })
  .strict()
  .refine((f) => f.yearFrom === undefined || f.yearTo === undefined || f.yearFrom <= f.yearTo, {
    message: 'yearFrom is after yearTo',
    path: ['yearFrom'],
  });

export const matrixBy = z.union([
  z.enum(['groups', 'categories', 'documents']),
  z.custom<`attribute:${string}`>(
    (v) => typeof v === 'string' && /^attribute:.{1,200}$/s.test(v),
    'by must be groups, categories, documents or attribute:NAME',
  ),
]);

const filtersArg = reportFilters.optional().default({});

export const reportsArgs = {
  /** Everything the filters bar offers: codes in codebook order, groups, categories, waves, attributes, coders, years. */
  'reports.options': noArgs,
  /** Every code's first pageSize quotes (all quotes when pageSize is absent: the CLI and exports). */
  'reports.evidence': z
    .object({ filters: filtersArg, sort: evidenceSort, pageSize: pageSize.optional() })
    .strict(),
  /** Further quotes of one code, from offset in the same order as reports.evidence. */
  'reports.evidencePage': z
    .object({
      filters: filtersArg,
      sort: evidenceSort,
      codeId: id,
      offset: z.number().int().nonnegative().max(100_000_000),
      pageSize: pageSize.default(200),
    })
    .strict(),
  /** One code's citation list under the same filters as reports.evidence (long ones are sent apart). */
  'reports.evidenceCitations': z.object({ filters: filtersArg, codeId: id }).strict(),
  'reports.cooccurrence': z
    .object({
      /** Rows: the filter's codes (all when none). */
      filters: filtersArg,
      /** Columns; the row codes when absent. */
      columnCodeIds: ids.optional(),
      /** Group the rows by these code groups (one captioned block each); one block "Codes" when absent. */
      rowCodeGroupIds: ids.optional(),
      unit: z.enum(['documents', 'segments']).default('documents'),
      coefficient: z.boolean().default(false),
    })
    .strict(),
  'reports.matrix': z
    .object({
      filters: filtersArg,
      by: matrixBy.default('groups'),
      unit: z.enum(['segments', 'documents']).default('segments'),
      percent: z.enum(['none', 'row', 'column']).default('none'),
    })
    .strict(),
  'reports.timeline': z
    .object({
      filters: filtersArg,
      unit: z.enum(['documents', 'segments']).default('documents'),
      by: z.enum(['overall', 'codes', 'documentGroups', 'codeGroup']).default('overall'),
    })
    .strict(),
  'reports.frequencies': z.object({ filters: filtersArg }).strict(),
  /** The segments behind one co-occurrence cell (row × column code) or matrix cell (row code × column key). */
  'reports.cellEvidence': z
    .object({
      filters: filtersArg,
      cell: z.discriminatedUnion('report', [
        z
          .object({
            report: z.literal('cooccurrence'),
            rowCodeId: id,
            columnCodeId: id,
            unit: z.enum(['documents', 'segments']),
          })
          .strict(),
        z
          .object({
            report: z.literal('matrix'),
            rowCodeId: id,
            by: matrixBy,
            columnKey: z.string().min(1).max(300),
          })
          .strict(),
      ]),
    })
    .strict(),
};

export interface ReportOptions {
  codes: (ReportCode & { description: string })[];
  codeGroups: { id: number; name: string; codeIds: number[] }[];
  documentGroups: { id: number; name: string; documentCount: number }[];
  categories: { id: number; name: string }[];
  waves: number[];
  attributes: { scope: 'document' | 'participant'; name: string; type: string }[];
  coders: string[];
  years: { first: number; last: number } | null;
}

/** One code's evidence with where the next page starts; items are the list's first quotes. */
export interface PagedEvidenceCode extends Omit<EvidenceCode, 'citations'> {
  /**
   * Null when the code is cited from more than CITATIONS_SENT_UP_TO_DOCUMENTS documents: the list is
   * fetched when the reader opens it (reports.evidenceCitations).
   */
  citations: string | null;
  /** Offset of the next page (reports.evidencePage), null when items hold every quote. */
  nextOffset: number | null;
}

export interface PagedEvidenceReport extends Omit<EvidenceReport, 'codes'> {
  codes: PagedEvidenceCode[];
}

/** The documents one code of the evidence report is cited from, as the report would print them. */
export interface EvidenceCitations {
  codeId: number;
  documentCount: number;
  citations: string;
}

/** Quotes offset … offset + items.length − 1 of one code's evidence list of segmentCount quotes. */
export interface EvidencePage {
  codeId: number;
  offset: number;
  items: EvidenceItem[];
  segmentCount: number;
  nextOffset: number | null;
}

export interface ReportsResults {
  'reports.options': ReportOptions;
  'reports.evidence': PagedEvidenceReport;
  'reports.evidencePage': EvidencePage;
  'reports.evidenceCitations': EvidenceCitations;
  'reports.cooccurrence': CooccurrenceReport;
  'reports.matrix': MatrixReport;
  'reports.timeline': TimelineReport;
  'reports.frequencies': FrequencyReport;
  'reports.cellEvidence': CellEvidence;
}
