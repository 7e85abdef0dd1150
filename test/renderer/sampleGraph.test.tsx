import { describe, expect, it } from 'vitest';
import type { ParticipantRow } from '../../shared/api/sample';
import { computeWaves } from '../../shared/sample/graph';
import { layoutReferralGraph, NODE_HEIGHT, NODE_WIDTH } from '../../renderer/features/sample/graphLayout';

/** 200 participants: 5 seeds, each later participant referred by one or two earlier ones. */
function sample200(): ParticipantRow[] {
  const edges: { referrerId: number; referredId: number }[] = [];
  for (let id = 6; id <= 200; id++) {
    edges.push({ referrerId: 1 + ((id * 7) % (id - 1)), referredId: id });
    if (id % 9 === 0) edges.push({ referrerId: 1 + ((id * 3) % (id - 1)), referredId: id });
  }
  const ids = Array.from({ length: 200 }, (_, i) => i + 1);
  const waves = computeWaves(ids, edges);
  return ids.map((id) => ({
    id,
    label: `P${String(id).padStart(3, '0')}`,
    categoryId: null,
    category: null,
    status: 'identified',
    wave: waves.get(id) ?? null,
    referredBy: edges
      .filter((e) => e.referredId === id)
      .map((e) => ({ id: e.referrerId, label: `P${e.referrerId}` })),
    lastContact: null,
    interviewDate: null,
    interviewMode: null,
    consentVersion: null,
    consentDate: null,
    documents: [],
  }));
}

describe('referral graph layout', () => {
  it('lays out 200 participants without overlaps, seeds in the top layer, quickly', () => {
    const rows = sample200();
    const started = performance.now();
    const layout = layoutReferralGraph(rows);
    const ms = performance.now() - started;
    expect(layout.nodes).toHaveLength(200);
    expect(layout.edges).toHaveLength(rows.reduce((n, r) => n + r.referredBy.length, 0));
    const seedsY = layout.nodes.filter((n) => n.row.referredBy.length === 0).map((n) => n.y);
    expect(seedsY).toHaveLength(5);
    const topY = Math.min(...layout.nodes.map((n) => n.y));
    expect(seedsY.every((y) => y === topY)).toBe(true);
    for (const n of layout.nodes.filter((x) => x.row.referredBy.length > 0))
      expect(n.y).toBeGreaterThan(topY);
    // No two node boxes overlap, so every label stays readable.
    for (let i = 0; i < layout.nodes.length; i++)
      for (let j = i + 1; j < layout.nodes.length; j++) {
        const a = layout.nodes[i]!;
        const b = layout.nodes[j]!;
        const overlap = Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
        expect(overlap, `${a.row.label} / ${b.row.label}`).toBe(false);
      }
    expect(layout.width).toBeGreaterThan(0);
    console.log(`referral graph layout, 200 participants: ${ms.toFixed(0)} ms`);
  });
});
