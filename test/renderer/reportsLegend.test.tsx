import { describe, expect, it } from 'vitest';
import { layoutLegend, legendText, type LegendEntry } from '../../renderer/components/ChartLegend';

const entry = (label: string): LegendEntry => ({ key: label, label, colour: '#2563eb', mark: 'box' });

describe('chart legend layout', () => {
  it('fills rows across the width in equal columns, never wider than the chart', () => {
    const layout = layoutLegend(
      ['Legitimacy', 'Effectiveness', 'Trust', 'Mandate', 'Funding'].map(entry),
      572,
    );
    const columns = new Set(layout.places.map((p) => p.x)).size;
    expect(columns).toBeGreaterThan(1);
    expect(layout.height).toBe(Math.ceil(5 / columns) * 18);
    for (const p of layout.places) expect(p.x).toBeLessThan(572);
    // Row by row: the second entry sits right of the first, on the same row.
    expect(layout.places[1]!.y).toBe(layout.places[0]!.y);
    expect(layout.places[1]!.x).toBeGreaterThan(layout.places[0]!.x);
  });

  it('shortens texts past 32 characters, a code path from its parents, never the N', () => {
    expect(legendText({ label: 'Resource gaps / NGO funding needs', detail: '(N = 12)' })).toBe(
      '… / NGO funding needs (N = 12)',
    );
    expect(legendText({ label: 'Memoranda of understanding with NGOs', detail: '(N = 3)' })).toBe(
      'Memoranda of understand… (N = 3)',
    );
    expect(legendText({ label: 'Trust' })).toBe('Trust');
  });

  it('keeps one column for a narrow chart', () => {
    const long = 'Cooperation / Formal / Memoranda of understanding with NGOs';
    const layout = layoutLegend([entry(long), entry('Trust')], 120);
    expect(layout.places.map((p) => p.text)).toEqual(['… / Memoranda of understanding …', 'Trust']);
    expect(layout.places.map((p) => p.x)).toEqual([0, 0]);
    expect(layoutLegend([], 500)).toEqual({ height: 0, places: [] });
  });
});
