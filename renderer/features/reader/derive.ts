import type { SegmentSpan } from '../../../shared/api/coding';
import type { IdMap } from '../../../shared/reader/idMap';
import { indexByRow } from '../../../shared/reader/rowIndex';
import { rowSpan, type DisplayRow } from '../../../shared/reader/rows';
import type { Span } from '../../../shared/reader/runs';
import { layoutStripes } from '../../../shared/reader/stripes';

export interface SegmentLayout {
  /** Per row, the ids of the segments touching it (arrays reused when unchanged, so rows skip re-rendering). */
  rowSegments: (readonly number[])[];
  /** Stripe column of every segment; stable across edits where possible. */
  columns: IdMap<number>;
  columnCount: number;
}

/**
 * Segments drawn as one bar where they overlap (shared/reader/stripes.ts): those of one code by one coder,
 * so two coders' coding of a passage stands side by side.
 */
const barKeyOf = (segment: SegmentSpan): string => `${segment.codeId}:${segment.coderId}`;

/**
 * Rebuilds the per-row index and the stripe layout after the segments changed. `kept` columns stay as
 * they are (the first screen's, when the rest of the document arrives).
 */
export function layoutSegments(
  rows: readonly DisplayRow[],
  segments: ReadonlyMap<number, SegmentSpan>,
  previous: SegmentLayout | null,
  kept?: ReadonlyMap<number, number>,
): SegmentLayout {
  const spans: Span[] = [];
  const stripeItems = [];
  for (const s of segments.values()) {
    spans.push({ id: s.id, start: s.startUtf16, end: s.endUtf16 });
    const span = rowSpan(rows, s.startUtf16, s.endUtf16);
    // Stripes are laid out in rows: a bar spans whole rows, so two segments in one row must not share a column.
    if (span) stripeItems.push({ id: s.id, barKey: barKeyOf(s), start: span.first, end: span.last + 1 });
  }
  // Sorting by start gives each row its segments outermost first, which is also the stacking order.
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const rowSegments = reuseEqual(indexByRow(rows, spans), previous?.rowSegments);
  const { columns, columnCount } = layoutStripes(stripeItems, previous?.columns, kept);
  return { rowSegments, columns, columnCount };
}

/** Reader order within a row: outermost first (start ascending, end descending), then id. */
function before(a: SegmentSpan, b: SegmentSpan): boolean {
  return (a.startUtf16 - b.startUtf16 || b.endUtf16 - a.endUtf16 || a.id - b.id) < 0;
}

/**
 * The layout after adding ONE segment (the reader's apply): only the rows it touches get new id lists
 * (every other row keeps its array, so its React row is not rendered again), and it takes the first
 * stripe column that no overlapping segment of another code holds — what layoutSegments would give it,
 * without re-laying out, or copying, tens of thousands of segments on a keypress.
 */
export function addToLayout(
  rows: readonly DisplayRow[],
  segments: ReadonlyMap<number, SegmentSpan>,
  layout: SegmentLayout,
  added: SegmentSpan,
): SegmentLayout {
  const span = rowSpan(rows, added.startUtf16, added.endUtf16);
  if (!span) return layout;
  const rowSegments = layout.rowSegments.slice();
  const blocked = new Set<number>();
  for (let r = span.first; r <= span.last; r++) {
    const ids = rowSegments[r] ?? [];
    const next: number[] = [];
    let placed = false;
    for (const id of ids) {
      const other = segments.get(id);
      if (!other) continue;
      if (barKeyOf(other) !== barKeyOf(added)) blocked.add(layout.columns.get(id) ?? 0);
      if (!placed && before(added, other)) {
        next.push(added.id);
        placed = true;
      }
      next.push(id);
    }
    if (!placed) next.push(added.id);
    rowSegments[r] = next;
  }
  let column = 0;
  while (blocked.has(column)) column++;
  return {
    rowSegments,
    columns: layout.columns.with(added.id, column),
    columnCount: Math.max(layout.columnCount, column + 1),
  };
}

/**
 * The span applying a code to [start, end) will make, to draw before the backend answers — when that is
 * sure: no segment of this coder with this code overlaps or touches it (the backend would grow that one
 * instead, swallowing others it reaches). Its id is 0, for the caller to give it one. Undefined when unsure.
 */
export function foreseeSegment(
  {
    rows,
    rowSegments,
    segments,
  }: { rows: readonly DisplayRow[] } & Pick<SegmentLayout, 'rowSegments'> & {
      segments: ReadonlyMap<number, SegmentSpan>;
    },
  { codeId, coderId, start, end }: { codeId: number; coderId: number; start: number; end: number },
): SegmentSpan | undefined {
  const span = rowSpan(rows, start, end);
  if (!span) return undefined;
  // Rows either side too: a segment ending where this one starts may lie in the row before.
  for (let r = Math.max(0, span.first - 1); r <= Math.min(rows.length - 1, span.last + 1); r++)
    for (const id of rowSegments[r] ?? []) {
      const s = segments.get(id);
      const touches = s !== undefined && s.startUtf16 <= end && s.endUtf16 >= start;
      if (touches && s.codeId === codeId && s.coderId === coderId) return undefined;
    }
  return { id: 0, codeId, coderId, startUtf16: start, endUtf16: end };
}

/**
 * The coder key once `added` joins `before`: the very same object when its coder is already in it (a
 * new key would render every row on screen again), else `rebuild` of the coders then shown — the key's
 * and the added one's, known without reading every segment (a dense transcript has 50,000).
 */
export function coderKeyWith<K>(
  key: Map<number, K> | null,
  before: IdMap<SegmentSpan>,
  added: SegmentSpan,
  rebuild: (coderIds: number[]) => Map<number, K> | null,
): Map<number, K> | null {
  if (key?.has(added.coderId)) return key;
  if (key) return rebuild([...key.keys(), added.coderId]);
  // No key: one coder shown at most, so any one segment names them; it stays so when the added is theirs.
  const shown = before.find(() => true);
  if (shown === undefined || shown.coderId === added.coderId) return null;
  return rebuild([shown.coderId, added.coderId]);
}

/**
 * The layout without ONE segment: the rows it touched lose its id, the rest keep their arrays. The column
 * count is left as it was: a margin one column too wide until the next full layout beats re-laying out
 * every segment to narrow it.
 */
export function removeFromLayout(
  rows: readonly DisplayRow[],
  layout: SegmentLayout,
  removed: SegmentSpan,
): SegmentLayout {
  const span = rowSpan(rows, removed.startUtf16, removed.endUtf16);
  if (!span) return layout;
  const rowSegments = layout.rowSegments.slice();
  for (let r = span.first; r <= span.last; r++)
    rowSegments[r] = (rowSegments[r] ?? []).filter((id) => id !== removed.id);
  return { rowSegments, columns: layout.columns.without(removed.id), columnCount: layout.columnCount };
}

function reuseEqual(
  next: (readonly number[])[],
  previous: (readonly number[])[] | undefined,
): (readonly number[])[] {
  if (!previous || previous.length !== next.length) return next;
  for (let r = 0; r < next.length; r++) {
    const a = next[r]!;
    const b = previous[r]!;
    if (a !== b && a.length === b.length && a.every((x, i) => x === b[i])) next[r] = b;
  }
  return next;
}

/** Highlights already blended, by their colours joined: a row re-renders its runs with few distinct mixes. */
const blended = new Map<string, string>();

/** Blends the colours of the segments covering a run into one highlight: stronger where codes overlap. */
export function blendHighlight(colors: readonly string[]): string | undefined {
  if (colors.length === 0) return undefined;
  const key = colors.join();
  const known = blended.get(key);
  if (known !== undefined) return known;
  let r = 0;
  let g = 0;
  let b = 0;
  for (const c of colors) {
    r += parseInt(c.slice(1, 3), 16);
    g += parseInt(c.slice(3, 5), 16);
    b += parseInt(c.slice(5, 7), 16);
  }
  const n = colors.length;
  const alpha = Math.min(0.22 + 0.12 * (n - 1), 0.55);
  const color = `rgba(${Math.round(r / n)}, ${Math.round(g / n)}, ${Math.round(b / n)}, ${alpha})`;
  // Bounded: the mixes of a long session are many, those of one screen few.
  if (blended.size >= 2000) blended.clear();
  blended.set(key, color);
  return color;
}

/** One underline per code (up to four), stacked below the text, so overlaps stay readable. */
export function stackedUnderlines(colors: readonly string[]): string | undefined {
  if (colors.length === 0) return undefined;
  return colors
    .slice(0, 4)
    .map((c, i) => `inset 0 -${2 * (i + 1)}px 0 ${c}`)
    .join(', ');
}
