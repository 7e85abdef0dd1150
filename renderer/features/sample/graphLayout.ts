import dagre, { type Point } from '@dagrejs/dagre';
import type { ParticipantRow } from '../../../shared/api/sample';

export const NODE_WIDTH = 120;
export const NODE_HEIGHT = 34;
const ROOT = '__seeds__';

export interface LaidOutNode {
  row: ParticipantRow;
  x: number;
  y: number;
}

export interface LaidOutEdge {
  from: number;
  to: number;
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

/**
 * Layered layout by dagre. An invisible root joined to every seed with heavy, short edges pulls all
 * seeds into the top layer; dagre's ranking would otherwise lower a seed with a short chain.
 */
export function layoutReferralGraph(rows: readonly ParticipantRow[]): GraphLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 48, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(ROOT, { width: 1, height: 1 });
  for (const row of rows) g.setNode(String(row.id), { width: NODE_WIDTH, height: NODE_HEIGHT });
  const edges: { from: number; to: number }[] = [];
  for (const row of rows) {
    if (row.referredBy.length === 0) g.setEdge(ROOT, String(row.id), { weight: 1000, minlen: 1 });
    for (const by of row.referredBy) {
      g.setEdge(String(by.id), String(row.id), { weight: 1, minlen: 1 });
      edges.push({ from: by.id, to: row.id });
    }
  }
  dagre.layout(g);
  // The invisible root's layer is cut off: the seeds' top edge lands 16px below the top.
  const top = Math.min(...rows.map((row) => g.node(String(row.id)).y)) - NODE_HEIGHT / 2 - 16;
  const shift = (y: number) => y - top;
  const nodes = rows.map((row) => {
    const n = g.node(String(row.id));
    return { row, x: n.x, y: shift(n.y) };
  });
  const laidEdges = edges.map((e) => ({
    ...e,
    points: (g.edge(String(e.from), String(e.to)).points ?? []).map((p: Point) => ({
      x: p.x,
      y: shift(p.y),
    })),
  }));
  const width = Math.max(200, ...nodes.map((n) => n.x + NODE_WIDTH / 2 + 16));
  const height = Math.max(100, ...nodes.map((n) => n.y + NODE_HEIGHT / 2 + 16));
  return { nodes, edges: laidEdges, width, height };
}
