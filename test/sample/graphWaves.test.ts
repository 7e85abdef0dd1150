import { describe, expect, it } from 'vitest';
import type { ParticipantRow } from '../../shared/api/sample';
import { waveLayers } from '../../shared/sample/graph';
import { saturationAxisLabels, saturationCurve } from '../../shared/sample/saturation';
import { layoutReferralGraph } from '../../renderer/features/sample/graphLayout';

const edge = (referrerId: number, referredId: number) => ({ referrerId, referredId });

function rows(ids: number[], edges: { referrerId: number; referredId: number }[]): ParticipantRow[] {
  return ids.map((id) => ({
    id,
    label: `P${id}`,
    categoryId: null,
    category: null,
    status: 'identified',
    wave: null,
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

// Seeds 1 and 5; 1 → 2 → 3 → 4 and 5 → 6 → 3. The seed 1 also named 4, so 4 is wave 1 although the
// chain 1 → 2 → 3 → 4 is three referrals long (a longest-chain ranking put it in layer 3).
const ids = [1, 2, 3, 4, 5, 6];
const edges = [edge(1, 2), edge(2, 3), edge(3, 4), edge(1, 4), edge(5, 6), edge(6, 3)];

describe('referral graph layers are the snowball waves', () => {
  it('splits referrals into steps from one wave to the next and shortcuts', () => {
    const layers = waveLayers(ids, edges);
    expect(Object.fromEntries(layers.waveOf)).toEqual({ 1: 0, 2: 1, 3: 2, 4: 1, 5: 0, 6: 1 });
    expect(layers.steps).toEqual([edge(1, 2), edge(2, 3), edge(1, 4), edge(5, 6), edge(6, 3)]);
    expect(layers.shortcuts).toEqual([edge(3, 4)]);
  });

  it('lays out one row per wave, seeds on top, however long the longest chain to a participant', () => {
    const layout = layoutReferralGraph(rows(ids, edges));
    const y = (id: number) => layout.nodes.find((n) => n.row.id === id)!.y;
    expect(y(1)).toBe(y(5));
    expect(y(2)).toBe(y(4));
    expect(y(2)).toBe(y(6));
    expect(y(1)).toBeLessThan(y(2));
    expect(y(2)).toBeLessThan(y(3));
    expect(layout.edges.filter((e) => e.kind === 'shortcut').map((e) => [e.from, e.to])).toEqual([[3, 4]]);
    // Every node and every edge point lies inside the drawing.
    for (const n of layout.nodes) expect(n.y).toBeLessThan(layout.height);
    for (const p of layout.edges.flatMap((e) => e.points)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeLessThanOrEqual(layout.height);
    }
  });
});

describe('saturation axis labels', () => {
  const curve = (labels: string[]) =>
    saturationCurve(
      labels.map((label, i) => ({ label, date: `2024-01-${String(i + 1).padStart(2, '0')}`, codeIds: [i] })),
    ).points;

  it('names every interview, level, when the labels fit', () => {
    const axis = saturationAxisLabels(curve(['P01', 'P02', 'P03']), 480);
    expect(axis.slanted).toBe(false);
    expect(axis.ticks.map((t) => t.text)).toEqual(['P01', 'P02', 'P03']);
  });

  it('slants long labels, shortens them past 12 characters, and thins them when they would collide', () => {
    const many = Array.from({ length: 60 }, (_, i) => `Interview with the coordinator ${i + 1}`);
    const axis = saturationAxisLabels(curve(many), 480);
    expect(axis.slanted).toBe(true);
    expect(axis.ticks[0]).toEqual({ n: 1, label: many[0], text: 'Interview w…' });
    // 8 px per interview: every second one is named, the first included.
    expect(axis.ticks.map((t) => t.n).slice(0, 3)).toEqual([1, 3, 5]);
  });
});
