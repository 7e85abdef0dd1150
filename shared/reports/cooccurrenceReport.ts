import { cCoefficient, pairCount, type CooccurrenceCounts } from './cooccurrence';
import type { CooccurrenceRowGroup, CooccurrenceUnit, ReportCode } from './model';

export interface RowGroupInput {
  caption: string;
  codeGroupId: number | null;
  codes: readonly ReportCode[];
}

/** The table of the co-occurrence report from the counts of both units. */
export function buildCooccurrenceTable(
  rowGroups: readonly RowGroupInput[],
  columns: readonly ReportCode[],
  counts: CooccurrenceCounts,
  unit: CooccurrenceUnit,
  withCoefficient: boolean,
): { columns: { code: ReportCode; n: number }[]; rowGroups: CooccurrenceRowGroup[] } {
  const perCode = unit === 'documents' ? counts.documentsPerCode : counts.segmentsPerCode;
  const pairs = unit === 'documents' ? counts.documents : counts.segments;
  const n = (codeId: number) => perCode.get(codeId) ?? 0;
  return {
    columns: columns.map((code) => ({ code, n: n(code.codeId) })),
    rowGroups: rowGroups.map((group) => ({
      caption: group.caption,
      codeGroupId: group.codeGroupId,
      rows: group.codes.map((code) => ({
        code,
        n: n(code.codeId),
        cells: columns.map((column) => {
          const count = pairCount(pairs, code.codeId, column.codeId);
          if (!withCoefficient) return { columnCodeId: column.codeId, count };
          // Directed overlap counts can exceed the other code's N; the smaller direction keeps c within 0..1.
          const n12 =
            unit === 'documents' ? count : Math.min(count, pairCount(pairs, column.codeId, code.codeId));
          return {
            columnCodeId: column.codeId,
            count,
            c: cCoefficient(n12, n(code.codeId), n(column.codeId)),
          };
        }),
      })),
    })),
  };
}
