import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PARTICIPANT_STATUSES, STATUS_LABELS } from '../../../shared/sample/types';
import { layoutReferralGraph, NODE_HEIGHT, NODE_WIDTH } from './graphLayout';
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
const ZOOMS = [0.4, 0.55, 0.7, 0.85, 1, 1.25, 1.5];

/** Who referred whom: seeds at the top, arrows to the people they named, click a node to open it. */
export function ReferralGraph() {
  const rows = useSample(useShallow((s) => s.ids.map((id) => s.byId[id]!)));
  const categories = useSample((s) => s.categories);
  const select = useSample((s) => s.select);
  const selectedId = useSample((s) => s.selectedId);
  const [colourBy, setColourBy] = useState<'status' | 'category'>('status');
  const [zoom, setZoom] = useState(4);
  const layout = useMemo(() => layoutReferralGraph(rows), [rows]);
  const scale = ZOOMS[zoom]!;

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
        <button type="button" aria-label="Zoom out" disabled={zoom === 0} onClick={() => setZoom(zoom - 1)}>
          −
        </button>
        <span className="muted">{Math.round(scale * 100)}%</span>
        <button
          type="button"
          aria-label="Zoom in"
          disabled={zoom === ZOOMS.length - 1}
          onClick={() => setZoom(zoom + 1)}
        >
          +
        </button>
        <ul className="graph-legend" aria-label="Legend">
          {legend.map((l) => (
            <li key={l.key}>
              <span className="swatch" style={{ background: l.colour }} /> {l.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="graph-scroll">
        <svg
          width={layout.width * scale}
          height={layout.height * scale}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={`Referral graph of ${rows.length} participants`}
        >
          <defs>
            <marker
              id="sample-arrow"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="#667085" />
            </marker>
          </defs>
          {layout.edges.map((e) => (
            <polyline
              key={`${e.from}-${e.to}`}
              className="graph-edge"
              points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
              markerEnd="url(#sample-arrow)"
            />
          ))}
          {layout.nodes.map(({ row, x, y }) => (
            <g
              key={row.id}
              className={`graph-node${row.id === selectedId ? ' selected' : ''}`}
              transform={`translate(${x - NODE_WIDTH / 2},${y - NODE_HEIGHT / 2})`}
              role="button"
              tabIndex={0}
              aria-label={`${row.label}, ${STATUS_LABELS[row.status]}, wave ${row.wave ?? '—'}`}
              onClick={() => select(row.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') select(row.id);
              }}
            >
              <rect
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx={6}
                fill={colourBy === 'status' ? STATUS_COLOURS[row.status] : categoryColour(row.categoryId)}
              />
              <text x={NODE_WIDTH / 2} y={NODE_HEIGHT / 2 + 4} textAnchor="middle">
                {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
              </text>
              <title>{`${row.label} — ${STATUS_LABELS[row.status]}${row.category ? `, ${row.category}` : ''}`}</title>
            </g>
          ))}
        </svg>
      </div>
    </section>
  );
}
