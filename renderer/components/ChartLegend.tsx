/** One series of a chart: its name and colour, as a filled box (bars) or a short line (lines). */
export interface LegendEntry {
  key: string;
  label: string;
  /** Shown after the name and never cut short, e.g. "(N = 12)". */
  detail?: string;
  colour: string;
  mark: 'box' | 'line';
}

export interface LegendLayout {
  height: number;
  places: { entry: LegendEntry; x: number; y: number; text: string }[];
}

const ROW = 18;
const MARK = 14;
const GAP = 6;
const MAX_CHARS = 32;
// A generous average glyph width at 11px sans-serif: columns are sized without measuring text, so a
// saved SVG lays out the same wherever it is opened.
const CHAR_WIDTH = 6.6;

/**
 * The entry's text within MAX_CHARS, its detail kept whole. A code path loses its parents first
 * ("… / Knowledge transfer"): in a legend the leaf is what tells two series apart.
 */
export function legendText(entry: Pick<LegendEntry, 'label' | 'detail'>): string {
  const detail = entry.detail ? ` ${entry.detail}` : '';
  const room = Math.max(4, MAX_CHARS - detail.length);
  let name = entry.label;
  if (name.length > room && name.includes(' / ')) name = `… / ${name.slice(name.lastIndexOf(' / ') + 3)}`;
  if (name.length > room) name = `${name.slice(0, room - 1)}…`;
  return `${name}${detail}`;
}

/**
 * Places the entries in equal columns across `width`, as many as the longest text allows, row by row;
 * texts longer than 32 characters are shortened (the full name is the entry's tooltip).
 */
export function layoutLegend(entries: readonly LegendEntry[], width: number): LegendLayout {
  if (entries.length === 0) return { height: 0, places: [] };
  const texts = entries.map(legendText);
  const longest = Math.max(...texts.map((t) => t.length));
  const column = Math.min(width, MARK + GAP + longest * CHAR_WIDTH + 16);
  const columns = Math.max(1, Math.floor(width / column));
  return {
    height: Math.ceil(entries.length / columns) * ROW,
    places: entries.map((entry, i) => ({
      entry,
      x: (i % columns) * column,
      y: Math.floor(i / columns) * ROW,
      text: texts[i]!,
    })),
  };
}

/**
 * The legend drawn inside a chart's SVG, so "Save SVG" and "Save PNG" carry it with the chart: a saved
 * chart with coloured series and no names is unreadable.
 */
export function ChartLegend({ layout, x, y }: { layout: LegendLayout; x: number; y: number }) {
  return (
    <g className="chart-legend" data-legend="" transform={`translate(${x}, ${y})`} fontFamily="sans-serif">
      {layout.places.map(({ entry, x: px, y: py, text }) => (
        <g key={entry.key} data-legend-entry={entry.label} transform={`translate(${px}, ${py})`}>
          <title>{entry.detail ? `${entry.label} ${entry.detail}` : entry.label}</title>
          {entry.mark === 'box' ? (
            // The thin border keeps a near-white colour visible on the white page.
            <rect
              y={2}
              width={MARK}
              height={MARK - 4}
              fill={entry.colour}
              stroke="#98a2b3"
              strokeWidth={0.5}
            />
          ) : (
            <line x1={0} x2={MARK} y1={ROW / 2 - 2} y2={ROW / 2 - 2} stroke={entry.colour} strokeWidth={2} />
          )}
          <text x={MARK + GAP} y={ROW / 2 - 2} dominantBaseline="middle" fontSize={11}>
            {text}
          </text>
        </g>
      ))}
    </g>
  );
}
