import type { ExportSection } from '../api/export';
import type { EvidenceCode, EvidenceItem } from '../reports/model';

/**
 * The export as the renderers (Word, Markdown) see it: the plan filled with the report models.
 * Built once by the backend; every renderer walks the same blocks, so formats cannot disagree.
 */

export interface TableColumn {
  label: string;
  /** Shown in the header as "Legitimacy (N = 45)". */
  n?: number;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

export interface TableRowGroup {
  /** A caption row spanning the table ("Level of cooperation"); null for ungrouped rows. */
  caption: string | null;
  rows: string[][];
}

export interface TableSpec {
  columns: TableColumn[];
  rowGroups: TableRowGroup[];
  /** A note under the table ("Cells count documents coded with both codes."). */
  note?: string;
}

export interface EvidenceGroupBlock {
  heading: string;
  codes: EvidenceCode[];
}

export type ExportBlock =
  | { kind: 'evidence'; groups: EvidenceGroupBlock[] }
  | {
      kind: 'table';
      section: Exclude<ExportSection, 'evidence'>;
      heading: string;
      caption: string;
      table: TableSpec;
    };

export interface ExportDocument {
  title: string;
  projectName: string;
  /** The study's title for the running header; null uses the project's file name, title-cased. */
  runningTitle?: string | null;
  methodNote: string;
  includeMemos: boolean;
  blocks: ExportBlock[];
  /**
   * ISO-8601 time of the latest change to the project data the export shows: the document's
   * "modified" property, so the same project gives the same file rather than the clock's time.
   */
  modified: string | null;
}

/** Columns wider than a portrait page holds go in a landscape section. */
export const LANDSCAPE_COLUMNS = 7;

export function isWide(table: TableSpec): boolean {
  return table.columns.length > LANDSCAPE_COLUMNS;
}

/** "Legitimacy (N = 45)". */
export function columnHeader(column: TableColumn): string {
  return column.n === undefined ? column.label : `${column.label} (N = ${column.n})`;
}

/**
 * The quote as the paper prints it: verbatim, punctuation kept, but without the turn's speaker marker
 * ("Respondent: …") when the citation already names that speaker, as journals put the speaker in the citation.
 */
export function quoteText(item: Pick<EvidenceItem, 'text' | 'citation'>): string {
  const text = item.text.trim();
  const speaker = item.citation.speaker;
  if (!speaker) return text;
  const marker = new RegExp(`^[\\[(*]*${escapeRegExp(speaker)}[\\])*]*\\s*:\\s+`, 'i');
  return text.replace(marker, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The running header: the study's title, or else the file's name title-cased ("civil_military study" →
 * "Civil Military Study"), as a journal's appendix carries the paper's title rather than a file name.
 */
export function runningTitle(projectTitle: string | null, fileName: string): string {
  if (projectTitle?.trim()) return projectTitle.trim();
  const words = fileName
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .split(/[\s_-]+/)
    .filter(Boolean);
  return words.map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1)).join(' ');
}

/** The quote's citation as the paper prints it: "(Interview 12)", "(NATO 2016b, p. 4)", with the speaker where relevant. */
export function quoteCitation(code: Pick<EvidenceCode['items'][number], 'citationText'>): string {
  return `(${code.citationText})`;
}

export function countLine(code: EvidenceCode): string {
  const segments = `${code.segmentCount} ${code.segmentCount === 1 ? 'segment' : 'segments'}`;
  const documents = `${code.documentCount} ${code.documentCount === 1 ? 'document' : 'documents'}`;
  return code.citations ? `${segments} / ${documents} (${code.citations})` : `${segments} / ${documents}`;
}

/** Quotes in the evidence blocks: the unit of the job's progress. */
export function quoteCount(doc: ExportDocument): number {
  let n = 0;
  for (const block of doc.blocks)
    if (block.kind === 'evidence') for (const g of block.groups) for (const c of g.codes) n += c.items.length;
  return n;
}
