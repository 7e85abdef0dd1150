import { measure, type CountIndex } from './counts';
import type { MatrixCell, MatrixColumn, MatrixPercent, MatrixRow, MatrixUnit, ReportCode } from './model';

export interface MatrixColumnInput {
  key: string;
  label: string;
  documentIds: ReadonlySet<number>;
}

function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 1000) / 10;
}

/**
 * Codes × columns of documents. A cell counts the row code's segments (or documents) in the column's
 * documents. The row total counts over the union of all columns, so a document in two groups counts
 * once; row percentages use it. A column total counts all row codes together (documents once), and
 * column percentages use it.
 */
export function buildMatrix(
  codes: readonly ReportCode[],
  columnInputs: readonly MatrixColumnInput[],
  index: CountIndex,
  unit: MatrixUnit,
  percent: MatrixPercent,
): { columns: MatrixColumn[]; rows: MatrixRow[]; columnTotals: number[]; max: number } {
  const columns: MatrixColumn[] = columnInputs.map((c) => ({
    key: c.key,
    label: c.label,
    n: c.documentIds.size,
  }));
  const union = new Set<number>();
  for (const c of columnInputs) for (const id of c.documentIds) union.add(id);
  const value = (m: { segments: number; documents: Set<number> }) =>
    unit === 'segments' ? m.segments : m.documents.size;
  const allCodes = codes.map((c) => c.codeId);
  const columnTotals = columnInputs.map((c) => value(measure(index, allCodes, c.documentIds)));
  let max = 0;
  const rows: MatrixRow[] = codes.map((code) => {
    const total = value(measure(index, [code.codeId], union));
    const cells: MatrixCell[] = columnInputs.map((column, i) => {
      const count = value(measure(index, [code.codeId], column.documentIds));
      max = Math.max(max, count);
      const cell: MatrixCell = { columnKey: column.key, count };
      if (percent === 'row') cell.percent = percentOf(count, total);
      if (percent === 'column') cell.percent = percentOf(count, columnTotals[i] ?? 0);
      return cell;
    });
    return { code, total, cells };
  });
  return { columns, rows, columnTotals, max };
}
