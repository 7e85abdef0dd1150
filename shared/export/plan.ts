import type { ExportOptions, ExportOutline, ExportSection, OutlineItem } from '../api/export';

/** What the plan needs to know of the project: names and order, never the evidence itself. */
export interface PlanCatalog {
  /** Codes in codebook order. */
  codes: { id: number; name: string; depth: number }[];
  codeGroups: { id: number; name: string; codeIds: number[] }[];
  /** Segments per code after the filters, when known (the outline shows them; 0 means nothing matches). */
  segmentsByCode?: ReadonlyMap<number, number>;
}

export interface PlannedCodeGroup {
  /** Heading 1 text. */
  heading: string;
  codeGroupId: number | null;
  /** Codes in codebook order (Heading 2 each). */
  codeIds: number[];
}

export type PlannedPart =
  | { section: 'evidence'; groups: PlannedCodeGroup[] }
  | {
      section: Exclude<ExportSection, 'evidence'>;
      heading: string;
      /** "Table 3. Codes co-occurring with Legitimacy" */
      caption: string;
      tableNumber: number;
    };

export interface ExportPlan {
  title: string;
  methodNote: string;
  parts: PlannedPart[];
  outline: ExportOutline;
}

export const SECTION_LABELS: Record<ExportSection, string> = {
  evidence: 'Coded evidence',
  cooccurrence: 'Co-occurrence table',
  matrix: 'Code matrix',
  timeline: 'Counts over time',
  frequencies: 'Code frequencies',
  codebook: 'Codebook',
  appendix1: 'List of interviews (Appendix 1)',
};

const TABLE_HEADINGS: Record<Exclude<ExportSection, 'evidence'>, string> = {
  cooccurrence: 'Co-occurrence of codes',
  matrix: 'Code matrix',
  timeline: 'Coded segments over time',
  frequencies: 'Code frequencies',
  codebook: 'Codebook',
  appendix1: 'List of interviews',
};

/** "A", "A and B", "A, B and C", "A, B, C and 2 more" — a caption stays one line. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length > max + 1) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const MATRIX_BY: Record<string, string> = {
  groups: 'document group',
  categories: 'participant category',
  documents: 'document',
};

function matrixByLabel(by: string): string {
  return MATRIX_BY[by] ?? (by.startsWith('attribute:') ? by.slice('attribute:'.length) : by);
}

function tableCaption(
  section: Exclude<ExportSection, 'evidence'>,
  options: ExportOptions,
  chosenNames: string[],
): string {
  switch (section) {
    case 'cooccurrence':
      return chosenNames.length > 0
        ? `Codes co-occurring with ${listNames(chosenNames)} (${options.cooccurrenceUnit})`
        : `Co-occurrence of codes (${options.cooccurrenceUnit})`;
    case 'matrix':
      return `Coded segments by ${matrixByLabel(options.matrixBy)}`;
    case 'timeline':
      return `Coded ${options.timelineUnit} per year`;
    case 'frequencies':
      return 'Code frequencies: segments, documents and participants per code';
    case 'codebook':
      return 'Codebook: codes, descriptions and counts';
    case 'appendix1':
      return 'List of interviews';
  }
}

/** The chosen code groups and codes, each group with its codes in codebook order. */
function planEvidence(options: ExportOptions, catalog: PlanCatalog): PlannedCodeGroup[] {
  const order = new Map(catalog.codes.map((c, i) => [c.id, i]));
  const byOrder = (ids: Iterable<number>) =>
    [...new Set(ids)].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
  const groups: PlannedCodeGroup[] = [];
  const inGroups = new Set<number>();
  for (const groupId of options.codeGroupIds) {
    const group = catalog.codeGroups.find((g) => g.id === groupId);
    if (!group) continue;
    const codeIds = byOrder(group.codeIds);
    codeIds.forEach((c) => inGroups.add(c));
    groups.push({ heading: group.name, codeGroupId: group.id, codeIds });
  }
  const loose = byOrder(options.codeIds.filter((c) => !inGroups.has(c)));
  if (loose.length > 0)
    groups.push({ heading: groups.length > 0 ? 'Other codes' : 'Codes', codeGroupId: null, codeIds: loose });
  return groups;
}

/**
 * What the options would write, in order: the one place headings, table numbers and captions are
 * decided, so the dialog's preview, the Word file and the Markdown file agree.
 */
export function planExport(options: ExportOptions, catalog: PlanCatalog): ExportPlan {
  const names = new Map(catalog.codes.map((c) => [c.id, c.name]));
  const evidence = planEvidence(options, catalog);
  const chosenCodeIds = evidence.flatMap((g) => g.codeIds);
  const chosenNames = chosenCodeIds.map((id) => names.get(id)!);
  const counts = catalog.segmentsByCode;
  const items: OutlineItem[] = [{ level: 0, text: options.title, section: 'title' }];
  const parts: PlannedPart[] = [];
  const problems: string[] = [];
  let quotes = 0;
  let tableNumber = 0;
  for (const section of options.sections) {
    if (section === 'evidence') {
      parts.push({ section, groups: evidence });
      if (chosenCodeIds.length === 0)
        problems.push('no codes selected: choose codes or a code group for the coded-evidence part');
      for (const group of evidence) {
        items.push({ level: 1, text: group.heading, section });
        for (const codeId of group.codeIds) {
          const segments = counts?.get(codeId);
          quotes += segments ?? 0;
          items.push({
            level: 2,
            text: names.get(codeId)!,
            section,
            ...(segments === undefined ? {} : { segments }),
          });
        }
      }
      if (counts && chosenCodeIds.length > 0 && quotes === 0)
        problems.push(
          'nothing matches the filters: the chosen codes have no coded segments in the filtered documents',
        );
      continue;
    }
    tableNumber += 1;
    const caption = `Table ${tableNumber}. ${tableCaption(section, options, chosenNames)}`;
    parts.push({ section, heading: TABLE_HEADINGS[section], caption, tableNumber });
    items.push({ level: 1, text: TABLE_HEADINGS[section], section });
    items.push({ level: 3, text: caption, section });
  }
  return {
    title: options.title,
    methodNote: options.methodNote,
    parts,
    outline: { items, problems, quotes },
  };
}
