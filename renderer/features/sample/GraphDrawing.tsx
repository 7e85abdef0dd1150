import type { ParticipantRow } from '../../../shared/api/sample';
import { STATUS_LABELS } from '../../../shared/sample/types';
import { NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './graphLayout';

const EDGE = '#667085';
const BORDER = '#475467';

/**
 * The nodes and arrows of a laid-out referral graph. Colours, strokes and fonts are attributes, so
 * the same drawing saved as SVG or PNG looks as it does on screen (the classes only add the on-screen
 * selection and cursor). Without `onSelect` the nodes are plain pictures, as in a saved file.
 */
export function GraphDrawing({
  layout,
  fillOf,
  markerId,
  selectedId = null,
  onSelect,
}: {
  layout: GraphLayout;
  fillOf: (row: ParticipantRow) => string;
  /** Unique per document: two drawings on one page must not share their arrowhead. */
  markerId: string;
  selectedId?: number | null;
  onSelect?: (id: number) => void;
}) {
  return (
    <g fontFamily="sans-serif" fontSize={12}>
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={EDGE} />
        </marker>
      </defs>
      {layout.edges.map((e) => {
        const common = {
          fill: 'none',
          stroke: EDGE,
          strokeWidth: 1.2,
          markerEnd: `url(#${markerId})`,
        };
        return e.kind === 'step' ? (
          <polyline
            key={`${e.from}-${e.to}`}
            className="graph-edge"
            points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
            {...common}
          />
        ) : (
          <path
            key={`${e.from}-${e.to}`}
            className="graph-edge shortcut"
            d={`M${e.points[0]!.x},${e.points[0]!.y} Q${e.points[1]!.x},${e.points[1]!.y} ${e.points[2]!.x},${e.points[2]!.y}`}
            strokeDasharray="4 3"
            {...common}
          />
        );
      })}
      {layout.nodes.map(({ row, x, y }) => (
        <g
          key={row.id}
          className={`graph-node${row.id === selectedId ? ' selected' : ''}`}
          transform={`translate(${x - NODE_WIDTH / 2},${y - NODE_HEIGHT / 2})`}
          {...(onSelect && {
            role: 'button',
            tabIndex: 0,
            'aria-label': `${row.label}, ${STATUS_LABELS[row.status]}, wave ${row.wave ?? '—'}`,
            onClick: () => onSelect(row.id),
            onKeyDown: (e: { key: string }) => {
              if (e.key === 'Enter' || e.key === ' ') onSelect(row.id);
            },
          })}
        >
          <rect
            width={NODE_WIDTH}
            height={NODE_HEIGHT}
            rx={6}
            fill={fillOf(row)}
            stroke={BORDER}
            strokeWidth={1}
          />
          <text x={NODE_WIDTH / 2} y={NODE_HEIGHT / 2 + 4} textAnchor="middle">
            {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
          </text>
          <title>{`${row.label} — ${STATUS_LABELS[row.status]}${row.category ? `, ${row.category}` : ''}`}</title>
        </g>
      ))}
    </g>
  );
}
