// Where a coding stripe and its label sit in the reader's margin, from measurements of the rendered
// text (the renderer reads them with Range.getClientRects). Pure, so the rules are unit-tested; the
// column of each stripe comes from stripes.ts, laid out for the whole document in rows.

/** A vertical extent in px, top < bottom, in whatever coordinates the caller measures in. */
export interface VerticalBox {
  top: number;
  bottom: number;
}

/**
 * The part of one row's margin a segment's stripe covers, in px from the row's top. Like MAXQDA and
 * NVivo, a stripe runs from the line the segment starts on to the line it ends on: in the segment's
 * first row it starts at the top of the line holding its first character, in its last row it ends at
 * the bottom of the line holding its last one, and in the rows between it runs the row's whole height
 * so the pieces join into one bar. `textBoxes` are the client rects of the segment's text in this row
 * (relative to the row's top); each lies inside a line box `lineHeight` tall, centred on it.
 */
export function stripePiece(
  textBoxes: readonly VerticalBox[],
  rowHeight: number,
  lineHeight: number,
  place: { first: boolean; last: boolean },
): VerticalBox {
  const boxes = textBoxes.filter((b) => b.bottom > b.top);
  if (boxes.length === 0) return { top: 0, bottom: rowHeight };
  const half = lineHeight / 2;
  const centreOf = (b: VerticalBox) => (b.top + b.bottom) / 2;
  const firstLineTop = Math.min(...boxes.map((b) => Math.min(b.top, centreOf(b) - half)));
  const lastLineBottom = Math.max(...boxes.map((b) => Math.max(b.bottom, centreOf(b) + half)));
  const top = place.first ? clamp(firstLineTop, 0, rowHeight) : 0;
  const bottom = place.last ? clamp(lastLineBottom, top, rowHeight) : rowHeight;
  return { top, bottom };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

export interface LabelSlot {
  key: string;
  /** Labels in one column stack along it; labels in different columns never meet. */
  column: number;
  /** Where the label starts (the top of its stripe). */
  top: number;
  /** The length the whole name needs. */
  length: number;
}

export interface LabelFit {
  /** The length to show: the label is cut short (ellipsis) below its full length. */
  length: number;
  /** Too little room for even a few letters: the name is left to the stripe's tooltip. */
  hidden: boolean;
}

export interface LabelRules {
  /** Longest a label may run, even with room to spare. */
  max: number;
  /** Shorter than this a label says nothing; it is hidden. */
  min: number;
  /** Space kept before the next label in the same column. */
  gap: number;
}

/**
 * Fits the margin's labels so none overlaps another: in each column a label may run down to just above
 * the next label that starts below it, and is shortened (or hidden, with the name on hover) when its
 * name needs more. Two labels starting at the same place (overlapping segments drawn as one bar) show
 * one name: the first by key order.
 */
export function fitLabels(slots: readonly LabelSlot[], rules: LabelRules): Map<string, LabelFit> {
  const fits = new Map<string, LabelFit>();
  const byColumn = new Map<number, LabelSlot[]>();
  for (const slot of slots) byColumn.set(slot.column, [...(byColumn.get(slot.column) ?? []), slot]);
  for (const column of byColumn.values()) {
    column.sort((a, b) => a.top - b.top || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    column.forEach((slot, i) => {
      if (i > 0 && column[i - 1]!.top === slot.top) {
        fits.set(slot.key, { length: 0, hidden: true });
        return;
      }
      const next = column.slice(i + 1).find((other) => other.top > slot.top);
      const room = next ? next.top - slot.top - rules.gap : Infinity;
      const length = Math.max(0, Math.min(slot.length, rules.max, room));
      fits.set(slot.key, { length, hidden: length <= 0 || length < Math.min(rules.min, slot.length) });
    });
  }
  return fits;
}
