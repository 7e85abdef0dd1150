/**
 * The report models: one shape per report, computed by the backend (electron/reports) from pure
 * functions in shared/reports, and rendered by the UI, the CLI (JSON/CSV) and the Word export.
 * This file is a contract: fields are only ever added, never renamed or removed.
 */

export type DocumentKind = 'interview' | 'document';

/** A condition on a document or participant attribute ("variable"); values are compared as stored text, numbers numerically. */
export interface AttributeCondition {
  scope: 'document' | 'participant';
  /** Attribute name (case-insensitive, as in the attributes table). */
  name: string;
  op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'contains';
  value: string;
}

/** The filters every report takes. Absent fields do not filter. */
export interface ReportFilters {
  /** Codes picked by hand (in the order given for columns; rows follow codebook order). */
  codeIds?: number[];
  /** All codes of one code group. */
  codeGroupId?: number;
  /** A code and all its descendants. */
  codeSubtreeId?: number;
  /** Documents in any of these groups. */
  documentGroupIds?: number[];
  kind?: DocumentKind;
  /** Documents whose participant is in any of these categories. */
  participantCategoryIds?: number[];
  /** Documents whose participant is in any of these snowball waves (0 = seeds). */
  waves?: number[];
  /** All conditions must hold. */
  attributes?: AttributeCondition[];
  /** Inclusive year range on documents.year; documents without a date are dropped when either is set. */
  yearFrom?: number;
  yearTo?: number;
  /** Only segments coded by this coder (name, case-insensitive). */
  coder?: string;
  /** Default true: documents of withdrawn participants (status 'withdrawn' or withdrawn_at set) are left out. */
  excludeWithdrawn?: boolean;
}

/** What every report starts with: what was counted, in words, and how much. */
export interface ReportHeader {
  title: string;
  /** The filters in words, one line each ("Document group: NGOs", "Years: 2015–2020"); ["All documents"] when none. */
  filters: string[];
  /** Documents that passed the filters (whether coded or not). */
  documentCount: number;
  /** Segments that passed the filters (document filters, code filter, coder). */
  segmentCount: number;
  /** What excludeWithdrawn left out (zeros when nothing, or when withdrawn participants were included). */
  excludedWithdrawn: { participants: number; documents: number; segments: number };
  /** ISO-8601 UTC. */
  generatedAt: string;
}

/** A code as a report names it. */
export interface ReportCode {
  codeId: number;
  name: string;
  /** Ancestors and the code itself, root first: ["Cooperation", "Formal"]. */
  path: string[];
  color: string;
  /** 0 for a root code. */
  depth: number;
}

// ---------------------------------------------------------------- evidence by code

export type EvidenceSort = 'document' | 'date' | 'label';

/** Where a quote comes from, as a citation shows it. */
export interface EvidenceCitation {
  /** Participant label for interviews ("Interview 2"); document title with year for documents ("Annual report (2019)"). */
  label: string;
  /** Speaker of the turn in which the segment starts, if the document has turns. */
  speaker: string | null;
  /** PDF page in which the segment starts, if the document has pages. */
  page: number | null;
}

export interface EvidenceItem {
  segmentId: number;
  codeId: number;
  documentId: number;
  documentTitle: string;
  documentKind: DocumentKind;
  /** The interviewee's label when the document is linked to a participant (cited by it). */
  participantLabel: string | null;
  /** documents.date as stored ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'). */
  documentDate: string | null;
  year: number | null;
  /** For the jump to the passage: 0-based UTF-16, end exclusive. */
  startUtf16: number;
  endUtf16: number;
  text: string;
  memo: string;
  coder: string;
  citation: EvidenceCitation;
  /** The citation in one line: "Interview 2, Respondent, p. 4". */
  citationText: string;
}

export interface EvidenceCode {
  code: ReportCode;
  description: string;
  segmentCount: number;
  documentCount: number;
  /** In the paper's style: "interviews 2, 6, 9, 26; Annual report (2019)". Empty when no segments. */
  citations: string;
  items: EvidenceItem[];
}

export interface EvidenceReport {
  kind: 'evidence';
  header: ReportHeader;
  sort: EvidenceSort;
  /** Codebook order (depth-first by position); codes with no segments are kept, with empty items. */
  codes: EvidenceCode[];
}

// ---------------------------------------------------------------- co-occurrence

/**
 * documents: a cell counts documents coded with both codes; N = documents coded with the code.
 * segments: a cell counts segments of the row code that overlap or lie within a segment of the
 * column code (ATLAS.ti-style; segments that only touch end-to-start do not overlap); N = segments of the code.
 */
export type CooccurrenceUnit = 'documents' | 'segments';

export interface CooccurrenceCell {
  columnCodeId: number;
  count: number;
  /**
   * c = n12 / (n1 + n2 − n12), present when asked for. In the documents unit n12 is the cell count;
   * in the segments unit n12 is the smaller of the two directed counts (row→column, column→row), so c stays in 0..1.
   * 0 when n1 + n2 − n12 is 0.
   */
  c?: number;
}

export interface CooccurrenceRow {
  code: ReportCode;
  n: number;
  /** One per column, in column order. */
  cells: CooccurrenceCell[];
}

/** Rows of one code group ("Level of cooperation"); codes in no chosen group come last under "Other codes". */
export interface CooccurrenceRowGroup {
  caption: string;
  /** null for the "Other codes" group or when rows are not grouped. */
  codeGroupId: number | null;
  rows: CooccurrenceRow[];
}

export interface CooccurrenceReport {
  kind: 'cooccurrence';
  header: ReportHeader;
  unit: CooccurrenceUnit;
  withCoefficient: boolean;
  columns: { code: ReportCode; n: number }[];
  rowGroups: CooccurrenceRowGroup[];
}

// ---------------------------------------------------------------- matrix

export type MatrixBy = 'groups' | 'categories' | 'documents' | `attribute:${string}`;
export type MatrixUnit = 'segments' | 'documents';
export type MatrixPercent = 'none' | 'row' | 'column';

export interface MatrixColumn {
  /** Stable key for cell evidence: "group:3", "category:2", "document:41", "attribute:Sector=NGO", "none". */
  key: string;
  label: string;
  /** Documents in this column (after filters). */
  n: number;
}

export interface MatrixCell {
  columnKey: string;
  count: number;
  /** Percent of the row total or column total (0–100, one decimal), when percent is not 'none'. */
  percent?: number;
}

export interface MatrixRow {
  code: ReportCode;
  /** Segments or documents of the code over all columns (a document in two groups counts once). */
  total: number;
  cells: MatrixCell[];
}

export interface MatrixReport {
  kind: 'matrix';
  header: ReportHeader;
  by: MatrixBy;
  unit: MatrixUnit;
  percent: MatrixPercent;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Per column, segments or documents of all row codes together (a document counted once per column). */
  columnTotals: number[];
  /** Largest cell count, for shading. */
  max: number;
}

// ---------------------------------------------------------------- counts over time

export type TimelineUnit = 'documents' | 'segments';
/** overall: one series; codes: one per code; documentGroups: one per document group; codeGroup: one per code of filters.codeGroupId (stacked). */
export type TimelineBy = 'overall' | 'codes' | 'documentGroups' | 'codeGroup';

export interface TimelineSeries {
  key: string;
  label: string;
  color: string | null;
  /** Total over all years. */
  n: number;
  /** One per entry of years. */
  counts: number[];
}

export interface TimelineReport {
  kind: 'timeline';
  header: ReportHeader;
  unit: TimelineUnit;
  by: TimelineBy;
  /** True for by = 'codeGroup' (learning stages stacked). */
  stacked: boolean;
  /** Every year from the first to the last with data, gaps filled with zero counts. */
  years: number[];
  series: TimelineSeries[];
  /** Documents (or segments) per year over all series, each counted once. */
  totals: number[];
  /** Filtered documents without a date (not in any year). */
  undated: number;
}

// ---------------------------------------------------------------- frequencies

export interface FrequencyRow {
  code: ReportCode;
  /** Names of the code groups the code belongs to. */
  codeGroups: string[];
  segments: number;
  documents: number;
  /** Distinct participants of the documents. */
  participants: number;
}

export interface FrequencyGroupRow {
  codeGroupId: number;
  name: string;
  codeCount: number;
  /** Segments of any code of the group; documents and participants counted once. */
  segments: number;
  documents: number;
  participants: number;
}

export interface FrequencyReport {
  kind: 'frequencies';
  header: ReportHeader;
  /** Codebook order; the UI sorts. */
  rows: FrequencyRow[];
  groups: FrequencyGroupRow[];
}

// ---------------------------------------------------------------- cell evidence

/** The segments behind one co-occurrence or matrix cell. */
export interface CellEvidence {
  header: ReportHeader;
  /** "Legitimacy × Formal cooperation (documents)". */
  caption: string;
  /** Row-code segments behind the cell (for the documents unit: the row code's segments in the documents counted). */
  items: EvidenceItem[];
  /** For co-occurrence, the column code's segments in the same documents / overlapping; empty for a matrix cell. */
  otherItems: EvidenceItem[];
}

export type Report = EvidenceReport | CooccurrenceReport | MatrixReport | TimelineReport | FrequencyReport;
