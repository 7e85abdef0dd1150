import { groupItemsIntoRows, joinPdfLines, linesFromItems, type PdfTextItem } from './pdfLines';

/**
 * Reading order for multi-column PDF pages. A gutter is a vertical white band that no text crosses
 * over a tall run of consecutive lines, with running text on both sides of it. The page becomes a
 * stack of bands read top to bottom: lines no gutter runs beside are read as one block (a title, an
 * abstract, a footnote or a box spanning the page), a band with gutters is read column by column.
 * Pages without a gutter are read exactly as before columns were detected.
 */

/** A band of the page: one column (full width) or several, each column's items in any order. */
export interface PdfBand {
  columns: PdfTextItem[][];
}

// Lengths are in units of the page's median text height (≈ the body font size, "em").
/** A gutter is at least this wide: wider than word spacing, even stretched in justified text. */
const MIN_GUTTER_EM = 1;
/** …and at most this wide: a wider white band between text is a table's or a form's, not a gutter. */
const MAX_GUTTER_EM = 8;
/** Each column is at least this wide: table columns of numbers or short labels are narrower. */
const MIN_COLUMN_EM = 6;
/** A gutter runs beside at least this many lines on each side… */
const MIN_LINES_PER_SIDE = 2;
/** …over at least this share of the height of the page's text. */
const MIN_RUN_SHARE = 0.3;
/** A table below the columns is this many rows or more (see withoutWideTail). */
const MIN_TABLE_ROWS = 3;
/** Running text fills most of its column's width on most lines; table cells do not. */
const MIN_MEDIAN_FILL = 0.5;
/** Header and footer lines this far (in line spacings) from the body never join a column. */
const MARGIN_GAP_LINES = 1.8;
const MARGIN_GAP_EM = 2.5;
const MAX_MARGIN_LINES = 2;
/** Gutters rejected one by one before giving up on a page (a table can offer many white bands). */
const MAX_CHOICE_ROUNDS = 12;
/** More grid positions than this means degenerate geometry: read the page as one column. */
const MAX_GRID = 4000;

interface Row {
  y: number;
  height: number;
  items: PdfTextItem[];
  /** The items that show something (not blanks), which alone decide where white space is. */
  visible: PdfTextItem[];
  /** Merged horizontal extents of the row's visible (non-blank) items, left to right. */
  spans: [number, number][];
}

interface Gutter {
  /** Grid position and its x. */
  k: number;
  x: number;
  /** First and last row (inclusive) of the band the gutter splits into columns. */
  first: number;
  last: number;
  /** First row of the evidence for the gutter: `first`, or above it where left-only lines lead in. */
  from: number;
}

const isVisible = (item: PdfTextItem): boolean => /\S/.test(item.str) && item.width > 0;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Horizontal extents of visible items, overlapping ones merged, left to right. */
function mergedSpans(visible: readonly PdfTextItem[]): [number, number][] {
  const spans = visible
    .map((item): [number, number] => [item.x, item.x + item.width])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** Rows at the very top or bottom, set apart by a gap much larger than the line spacing. */
function marginRows(rows: readonly Row[], em: number): Set<number> {
  const gaps = rows.slice(1).map((row, i) => rows[i]!.y - row.y);
  const spacing = median(gaps.filter((gap) => gap >= 0.6 * em)) ?? 1.2 * em;
  const threshold = Math.max(MARGIN_GAP_EM * em, MARGIN_GAP_LINES * spacing);
  const margins = new Set<number>();
  for (let i = 0; i < MAX_MARGIN_LINES && i < gaps.length && gaps[i]! > threshold; i++) margins.add(i);
  for (let i = 0; i < MAX_MARGIN_LINES && i < gaps.length; i++) {
    const gap = gaps[gaps.length - 1 - i]!;
    if (gap <= threshold) break;
    margins.add(rows.length - 1 - i);
  }
  return margins;
}

/** The white space either side of x in a row with text on both sides, between two bounds. */
function gapAround(row: Row, x: number, from: number, to: number): number | undefined {
  let before: number | undefined;
  for (const [start, end] of row.spans) {
    if (end <= x) before = start >= from ? end : before;
    else if (start >= x) return before === undefined || end > to ? undefined : start - before;
  }
  return undefined;
}

/**
 * A table just below the columns whose cells happen to part at the gutter would otherwise run on as
 * more column lines. Its rows face each other across a much wider gap than the gutter: when the run
 * ends with at least MIN_TABLE_ROWS such rows (rows with text on the right only may sit between
 * them: wrapped cells), they are left out. The first of them stays when it sits one line below the
 * column text on its left: that is a paragraph's short last line, not a table row.
 */
function withoutWideTail(rows: readonly Row[], gutter: Gutter, bounds: [number, number], em: number): number {
  const [leftBound, rightBound] = bounds;
  const { x, first, last } = gutter;
  const widest = MAX_GUTTER_EM * em;
  let streak: number[] = [];
  let previousLeft: number | undefined;
  let previousLeftOfStreak: number | undefined;
  for (let r = first; r <= last; r++) {
    const row = rows[r]!;
    const hasLeft = row.spans.some(([start, end]) => start >= leftBound && end <= x);
    const gap = gapAround(row, x, leftBound, rightBound);
    if (gap !== undefined && gap > widest) {
      if (streak.length === 0) previousLeftOfStreak = previousLeft;
      streak.push(r);
    } else if (hasLeft) streak = [];
    if (hasLeft) previousLeft = r;
  }
  if (streak.length < MIN_TABLE_ROWS) return last;
  const start = streak[0]!;
  const above = previousLeftOfStreak === undefined ? undefined : rows[previousLeftOfStreak]!;
  const oneLineBelow = above !== undefined && above.y - rows[start]!.y <= 1.6 * em;
  return (oneLineBelow ? streak[1]! : start) - 1;
}

interface Candidates {
  /** By grid position: runs over a tall share of the page, which alone can establish a gutter. */
  tall: Gutter[][];
  /** By grid position: shorter runs, taken only where a tall gutter already stands at the same x. */
  short: Gutter[][];
}

/** Every (grid position, run of rows) where a band of the gutter's minimum width stays white. */
function gutterCandidates(rows: readonly Row[], margins: Set<number>, em: number): Candidates {
  // Loops, not Math.min(...): a page of single-glyph items can exceed the argument limit.
  let left = Infinity;
  let right = -Infinity;
  for (const row of rows)
    for (const span of row.spans) {
      left = Math.min(left, span[0]);
      right = Math.max(right, span[1]);
    }
  const half = (MIN_GUTTER_EM * em) / 2;
  const step = half / 2;
  const count = Math.floor((right - left - 2 * half) / step) + 1;
  const none: Candidates = { tall: [], short: [] };
  if (!(count > 0) || count > MAX_GRID) return none;
  // The share is of the body's height: a page number far below short columns must not hide them.
  const body = rows.filter((_, r) => !margins.has(r));
  if (body.length === 0) return none;
  const minExtent = MIN_RUN_SHARE * (body[0]!.y + body[0]!.height - body.at(-1)!.y);
  // free[r][k]: row r has no text within half a gutter of grid position k (one sweep per row).
  const free = rows.map((row) => {
    const flags = new Uint8Array(count);
    let p = 0;
    for (let k = 0; k < count; k++) {
      const x = left + half + k * step;
      while (p < row.spans.length && row.spans[p]![1] <= x - half) p++;
      flags[k] = p === row.spans.length || row.spans[p]![0] >= x + half ? 1 : 0;
    }
    return flags;
  });
  const judge = (x: number, first: number, last: number): 'tall' | 'short' | undefined => {
    let onLeft = 0;
    let onRight = 0;
    for (let r = first; r <= last; r++) {
      const s = rows[r]!.spans;
      if (s.length > 0 && s[0]![0] < x) onLeft++;
      if (s.length > 0 && s.at(-1)![1] > x) onRight++;
    }
    const extent = rows[first]!.y + rows[first]!.height - rows[last]!.y;
    if (onLeft < MIN_LINES_PER_SIDE || onRight < MIN_LINES_PER_SIDE) return undefined;
    return extent >= minExtent ? 'tall' : 'short';
  };
  const found: Candidates = { tall: [], short: [] };
  for (let k = 0; k < count; k++) {
    const x = left + half + k * step;
    const tall: Gutter[] = [];
    const short: Gutter[] = [];
    let first = -1;
    for (let r = 0; r <= rows.length; r++) {
      const open = r < rows.length && !margins.has(r) && free[r]![k] === 1;
      if (open && first < 0) first = r;
      if (!open && first >= 0) {
        // Lines at the top with text only left of the gutter (the last line of a full-width abstract,
        // a column's first lines) are read before the columns either way: they stay with the block
        // above, but still count as evidence for the gutter.
        const from = first;
        while (first < r && (rows[first]!.spans.at(-1)?.[1] ?? Infinity) <= x) first++;
        const kind = first < r ? judge(x, from, r - 1) : undefined;
        if (kind) (kind === 'tall' ? tall : short).push({ k, x, first, last: r - 1, from });
        first = -1;
      }
    }
    found.tall.push(tall);
    found.short.push(short);
  }
  return found;
}

const overlaps = (a: Gutter, b: Gutter): boolean => a.first <= b.last && b.first <= a.last;
const keyOf = (g: Gutter): string => `${g.k}:${g.from}:${g.first}:${g.last}`;

/**
 * One gutter per white band. Neighbouring grid positions with the same run form a segment, placed at
 * its middle; segments are taken longest run first (then widest), and a segment too close to one
 * already taken — no column would fit between them over shared rows — is the same band seen from
 * a ragged edge, or the white space under a short column, and is skipped.
 */
function chooseGutters(byPosition: readonly Gutter[][], em: number, rejected: ReadonlySet<string>): Gutter[] {
  const segments: { runs: Gutter[] }[] = [];
  let open: { runs: Gutter[] }[] = [];
  for (const runs of byPosition) {
    open = runs.map((run) => {
      const last = open.find(
        (s) => s.runs[0]!.first === run.first && s.runs[0]!.last === run.last && s.runs[0]!.from === run.from,
      );
      if (last) {
        last.runs.push(run);
        return last;
      }
      const segment = { runs: [run] };
      segments.push(segment);
      return segment;
    });
  }
  const length = (g: Gutter): number => g.last - g.from;
  segments.sort((a, b) => length(b.runs[0]!) - length(a.runs[0]!) || b.runs.length - a.runs.length);
  const chosen: Gutter[] = [];
  for (const { runs } of segments) {
    const middle = runs[Math.floor(runs.length / 2)]!;
    if (rejected.has(keyOf(middle))) continue;
    const clash = chosen.some((g) => overlaps(g, middle) && Math.abs(g.x - middle.x) < MIN_COLUMN_EM * em);
    if (!clash) chosen.push(middle);
  }
  return chosen;
}

/** Both sides of a gutter must look like columns of running text, not the cells of a table. */
function looksLikeColumns(gutter: Gutter, others: readonly Gutter[], rows: readonly Row[], em: number) {
  const near = others.filter((o) => o !== gutter && overlaps(o, gutter));
  const leftBound = Math.max(-Infinity, ...near.filter((o) => o.x < gutter.x).map((o) => o.x));
  const rightBound = Math.min(Infinity, ...near.filter((o) => o.x > gutter.x).map((o) => o.x));
  /** The side's horizontal extent when it reads as running text. */
  const textSide = (from: number, to: number): [number, number] | undefined => {
    const perRow = rows
      .slice(gutter.from, gutter.last + 1)
      // Whole items only: a line across a neighbouring gutter (an abstract's last line) is no column's.
      .map((row) => row.visible.filter((item) => item.x >= from && item.x + item.width <= to))
      .filter((items) => items.length > 0);
    // Lines of running text, laid over each other, cover their column: a white band through all of
    // them is a gap between table cells.
    const cover = mergedSpans(perRow.flat());
    if (cover.some((span, i) => i > 0 && span[0] - cover[i - 1]![1] >= MIN_GUTTER_EM * em)) return undefined;
    const start = cover[0]?.[0] ?? Infinity;
    const end = cover.at(-1)?.[1] ?? -Infinity;
    const width = end - start;
    if (!(width >= MIN_COLUMN_EM * em)) return undefined;
    const fills = perRow.map((items) => mergedSpans(items).reduce((sum, s) => sum + s[1] - s[0], 0) / width);
    return (median(fills) ?? 0) >= MIN_MEDIAN_FILL ? [start, end] : undefined;
  };
  const left = textSide(leftBound, gutter.x);
  const right = textSide(gutter.x, rightBound);
  return left !== undefined && right !== undefined && right[0] - left[1] <= MAX_GUTTER_EM * em;
}

const centre = (item: PdfTextItem): number => item.x + item.width / 2;

/** The page's bands, top to bottom; a page without gutters is one band of one column. */
export function layoutPdfPage(items: readonly PdfTextItem[]): PdfBand[] {
  const all = items.filter((item) => item.str.length > 0);
  const rows: Row[] = groupItemsIntoRows(all).map((row) => {
    const visible = row.items.filter(isVisible);
    return { ...row, visible, spans: mergedSpans(visible) };
  });
  const em = median(rows.flatMap((row) => row.visible.map((item) => item.height))) ?? 0;
  if (rows.length < MIN_LINES_PER_SIDE || !(em > 0)) return [{ columns: [all] }];
  const candidates = gutterCandidates(rows, marginRows(rows, em), em);
  // Reject gutters whose sides are not text columns, shortest run first, and choose again: the same
  // white band may still hold a gutter over fewer rows (without a title line that leads into it).
  const rejected = new Set<string>();
  let gutters: Gutter[] = [];
  for (let round = 0; round < MAX_CHOICE_ROUNDS; round++) {
    gutters = chooseGutters(candidates.tall, em, rejected);
    const byLength = [...gutters].sort((a, b) => a.last - a.first - (b.last - b.first));
    const failing = byLength.find((g) => !looksLikeColumns(g, gutters, rows, em));
    if (!failing) break;
    rejected.add(keyOf(failing));
    gutters = [];
  }
  if (gutters.length === 0) return [{ columns: [all] }];
  // The same gutter resumes below a spanning box or caption, for however few lines are left.
  for (const gutter of [...gutters]) {
    for (const run of candidates.short[gutter.k] ?? []) {
      const taken = gutters.some((g) => overlaps(g, run) && Math.abs(g.x - run.x) < MIN_COLUMN_EM * em);
      if (!taken && looksLikeColumns(run, [...gutters, run], rows, em)) gutters.push(run);
    }
  }
  // Measured between a gutter's neighbours, so a short middle column is no table.
  gutters = gutters
    .map((g) => {
      const near = gutters.filter((o) => overlaps(o, g));
      const left = Math.max(-Infinity, ...near.filter((o) => o.x < g.x).map((o) => o.x));
      const right = Math.min(Infinity, ...near.filter((o) => o.x > g.x).map((o) => o.x));
      return { ...g, last: withoutWideTail(rows, g, [left, right], em) };
    })
    .filter((g) => g.first <= g.last);
  // Left-only lines above a gutter stay in the block above only if no gutter to their left splits
  // them: then they are the top lines of its columns.
  gutters = gutters.map((g) =>
    g.from < g.first && gutters.some((o) => o.x < g.x && o.first <= g.first - 1 && g.from <= o.last)
      ? { ...g, first: g.from }
      : g,
  );
  const bands: PdfBand[] = [];
  let key = '';
  rows.forEach((row, r) => {
    const active = gutters.filter((g) => g.first <= r && r <= g.last).map((g) => g.x);
    active.sort((a, b) => a - b);
    const rowKey = active.join(',');
    if (bands.length === 0 || rowKey !== key) bands.push({ columns: active.concat(Infinity).map(() => []) });
    key = rowKey;
    const columns = bands.at(-1)!.columns;
    for (const item of row.items) columns[active.filter((x) => x < centre(item)).length]!.push(item);
  });
  return bands;
}

/** A block's last words and the next block's first are one paragraph when the sentence runs on. */
function continueAcross(before: string, after: string): string | undefined {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  if (/\p{L}-$/u.test(before) && /^\p{L}/u.test(after)) return before + after;
  if (/[\p{L}\p{N},]$/u.test(before) && /^\p{Ll}/u.test(after)) return `${before} ${after}`;
  return undefined;
}

/**
 * A page's text in reading order: bands top to bottom, columns left to right, each column's lines
 * joined into paragraphs by joinPdfLines. A page without columns is read exactly as joinPdfLines
 * reads all its lines.
 */
export function pdfPageText(items: readonly PdfTextItem[]): string {
  const bands = layoutPdfPage(items);
  if (bands.length === 1 && bands[0]!.columns.length === 1) return joinPdfLines(linesFromItems(items));
  let text = '';
  for (const band of bands) {
    for (const column of band.columns) {
      const part = joinPdfLines(linesFromItems(column));
      if (part === '') continue;
      text = (text === '' ? part : continueAcross(text, part)) ?? `${text}\n\n${part}`;
    }
  }
  return text;
}
