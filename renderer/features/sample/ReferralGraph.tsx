import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PARTICIPANT_STATUSES, STATUS_LABELS } from '../../../shared/sample/types';
import type { ParticipantRow } from '../../../shared/api/sample';
import { ChartLegend, layoutLegend } from '../../components/ChartLegend';
import { ChartTools } from '../reports/exportTools';
import { GraphDrawing } from './GraphDrawing';
import { layoutReferralGraph } from './graphLayout';
import { useSample } from './useSample';

const STATUS_COLOURS: Record<string, string> = {
  identified: '#d0d5dd',
  contacted: '#fedf89',
  agreed: '#a6d8f0',
  scheduled: '#84adff',
  interviewed: '#75e0a7',
  declined: '#fda29b',
  no_response: '#e4e7ec',
  withdrawn: '#98a2b3',
};
const CATEGORY_COLOURS = [
  '#8dd3c7',
  '#ffffb3',
  '#bebada',
  '#fb8072',
  '#80b1d3',
  '#fdb462',
  '#b3de69',
  '#fccde5',
  '#d9d9d9',
  '#bc80bd',
];
const NONE = '#f2f4f7';
const MIN_SCALE = 0.1;
const MAX_SCALE = 2;
/** Fitting never enlarges beyond this: a three-node graph stays at a readable size, not a poster. */
const MAX_FIT = 1.25;
const STEP = 1.25;

/** The size of an element, followed as the window or the editor beside it changes. */
function useElementSize(element: HTMLElement | null) {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

/**
 * Who referred whom, one row per wave (seeds on top), arrows to the people they named; opens fitted
 * to its view so every seed is on screen. Click a node to open the participant.
 */
export function ReferralGraph() {
  const rows = useSample(useShallow((s) => s.ids.map((id) => s.byId[id]!)));
  const categories = useSample((s) => s.categories);
  const select = useSample((s) => s.select);
  const selectedId = useSample((s) => s.selectedId);
  const [colourBy, setColourBy] = useState<'status' | 'category'>('status');
  // null: fitted to the view, following its size; a number once the user zooms.
  const [zoom, setZoom] = useState<number | null>(null);
  const layout = useMemo(() => layoutReferralGraph(rows), [rows]);
  const exportRef = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<HTMLDivElement | null>(null);
  const viewSize = useElementSize(view);
  // Two pixels spare, so a fitted graph never summons the scrollbars it would then have to fit beside.
  const fit = viewSize
    ? Math.max(
        MIN_SCALE,
        Math.min(MAX_FIT, (viewSize.width - 2) / layout.width, (viewSize.height - 2) / layout.height),
      )
    : 1;
  const scale = zoom ?? fit;
  const zoomBy = (factor: number) =>
    setZoom(Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * factor * 100) / 100)));

  const categoryColour = (categoryId: number | null) => {
    const index = categories.findIndex((c) => c.id === categoryId);
    return index < 0 ? NONE : CATEGORY_COLOURS[index % CATEGORY_COLOURS.length]!;
  };
  const legend =
    colourBy === 'status'
      ? PARTICIPANT_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], colour: STATUS_COLOURS[s]! }))
      : [
          ...categories.map((c) => ({ key: String(c.id), label: c.name, colour: categoryColour(c.id) })),
          { key: 'none', label: 'no category', colour: NONE },
        ];
  const fillOf = (row: ParticipantRow) =>
    colourBy === 'status' ? STATUS_COLOURS[row.status]! : categoryColour(row.categoryId);
  const exportLegend = layoutLegend(
    legend.map((l) => ({ ...l, mark: 'box' as const })),
    Math.max(200, layout.width - 32),
  );

  return (
    <section className="referral-graph" aria-label="Referral graph">
      <div className="graph-toolbar">
        <label>
          Colour by{' '}
          <select value={colourBy} onChange={(e) => setColourBy(e.target.value as 'status' | 'category')}>
            <option value="status">status</option>
            <option value="category">category</option>
          </select>
        </label>
        <button
          type="button"
          aria-label="Zoom out"
          disabled={scale <= MIN_SCALE}
          onClick={() => zoomBy(1 / STEP)}
        >
          −
        </button>
        <span className="muted">{Math.round(scale * 100)}%</span>
        <button type="button" aria-label="Zoom in" disabled={scale >= MAX_SCALE} onClick={() => zoomBy(STEP)}>
          +
        </button>
        <button type="button" aria-pressed={zoom === null} onClick={() => setZoom(null)}>
          Fit
        </button>
        <ul className="graph-legend" aria-label="Legend">
          {legend.map((l) => (
            <li key={l.key}>
              <span className="swatch" style={{ background: l.colour }} /> {l.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="graph-scroll" ref={setView} role="region" aria-label="Referral graph view">
        <svg
          width={Math.floor(layout.width * scale)}
          height={Math.floor(layout.height * scale)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={`Referral graph of ${rows.length} participants`}
        >
          <GraphDrawing
            layout={layout}
            fillOf={fillOf}
            markerId="referral-arrow"
            selectedId={selectedId}
            onSelect={select}
          />
        </svg>
      </div>
      {/* What Save SVG / Save PNG write: the whole graph at full size with its legend drawn in. The
          wrapper hides it: a style on the svg itself would be saved with it and hide the file's picture. */}
      <div hidden>
        <svg ref={exportRef} width={layout.width} height={layout.height + exportLegend.height + 8}>
          <rect width={layout.width} height={layout.height + exportLegend.height + 8} fill="#ffffff" />
          <GraphDrawing layout={layout} fillOf={fillOf} markerId="referral-arrow-saved" />
          <ChartLegend layout={exportLegend} x={16} y={layout.height} />
        </svg>
      </div>
      <ChartTools svgRef={exportRef} name="referral-graph" />
    </section>
  );
}
