import dagre, { type Point } from '@dagrejs/dagre';
import type { ParticipantRow } from '../../../shared/api/sample';
import { waveLayers } from '../../../shared/sample/graph';

export const NODE_WIDTH = 120;
export const NODE_HEIGHT = 34;
const ROOT = '__seeds__';
const MARGIN = 16;
/** How far a shortcut's curve bows away from the straight line, so it does not run through nodes. */
const BOW = 28;

export interface LaidOutNode {
  row: ParticipantRow;
  /** The layer: the participant's wave (seeds 0). */
  wave: number;
  x: number;
  y: number;
}

export interface LaidOutEdge {
  from: number;
  to: number;
  /** A step goes down one wave along dagre's route; a shortcut is a curve start → control → end. */
  kind: 'step' | 'shortcut';
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

/** Where the line from a node's centre towards `toward` leaves the node's box. */
function leaveBox(centre: { x: number; y: number }, toward: { x: number; y: number }) {
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  const t = Math.min(
    dx === 0 ? Infinity : NODE_WIDTH / 2 / Math.abs(dx),
    dy === 0 ? Infinity : NODE_HEIGHT / 2 / Math.abs(dy),
  );
  return { x: centre.x + dx * t, y: centre.y + dy * t };
}

function shortcutCurve(from: { x: number; y: number }, to: { x: number; y: number }) {
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const control = {
    x: mid.x - ((to.y - from.y) / length) * BOW,
    y: mid.y + ((to.x - from.x) / length) * BOW,
  };
  return [leaveBox(from, control), control, leaveBox(to, control)];
}

/**
 * Layered layout by dagre, one layer per wave. Only referrals from one wave to the next are given to
 * dagre (with an invisible root above the seeds), so each participant's rank is its wave; the other
 * referrals are drawn afterwards as curves.
 */
export function layoutReferralGraph(rows: readonly ParticipantRow[]): GraphLayout {
  const referrals = rows.flatMap((row) =>
    row.referredBy.map((by) => ({ referrerId: by.id, referredId: row.id })),
  );
  const { waveOf, steps, shortcuts } = waveLayers(
    rows.map((row) => row.id),
    referrals,
  );
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 48, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(ROOT, { width: 1, height: 1 });
  for (const row of rows) g.setNode(String(row.id), { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const row of rows)
    if (waveOf.get(row.id) === 0) g.setEdge(ROOT, String(row.id), { weight: 1000, minlen: 1 });
  for (const e of steps) g.setEdge(String(e.referrerId), String(e.referredId), { weight: 1, minlen: 1 });
  dagre.layout(g);
  // The invisible root's layer is cut off: the seeds' top edge lands MARGIN below the top.
  const top = Math.min(...rows.map((row) => g.node(String(row.id)).y)) - NODE_HEIGHT / 2 - MARGIN;
  const shift = (p: { x: number; y: number }) => ({ x: p.x, y: p.y - top });
  const nodes = rows.map((row) => {
    const n = g.node(String(row.id));
    return { row, wave: waveOf.get(row.id) ?? 0, ...shift(n) };
  });
  const centre = new Map(nodes.map((n) => [n.row.id, n]));
  const edges: LaidOutEdge[] = [
    ...steps.map((e) => ({
      from: e.referrerId,
      to: e.referredId,
      kind: 'step' as const,
      points: (g.edge(String(e.referrerId), String(e.referredId)).points ?? []).map((p: Point) => shift(p)),
    })),
    ...shortcuts.map((e) => ({
      from: e.referrerId,
      to: e.referredId,
      kind: 'shortcut' as const,
      points: shortcutCurve(centre.get(e.referrerId)!, centre.get(e.referredId)!),
    })),
  ];
  const width = Math.max(200, ...nodes.map((n) => n.x + NODE_WIDTH / 2 + MARGIN));
  const height = Math.max(100, ...nodes.map((n) => n.y + NODE_HEIGHT / 2 + MARGIN + BOW));
  return { nodes, edges, width, height };
}
