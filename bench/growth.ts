// The growth of each figure from the 1× study to the 10× one (issue 18): the same figure at both scales
// side by side with their ratio, so a figure that grows faster than its work (ten-fold) shows at once.
import type { Figure } from './figures';

export interface ScaledFigures {
  scale: number;
  figures: Figure[];
}

export interface GrowthRow {
  /** The figure's name at the larger scale (its counts are that study's). */
  name: string;
  unit: string;
  target: string;
  small: Figure | null;
  large: Figure | null;
  /** large value / small value; null when either is not measured or the small one is 0. */
  growth: number | null;
}

/**
 * Names carry the study's counts ("import 648 documents (13 MB)" / "import 6480 documents (130 MB)"),
 * so a figure is the same one at two scales when its name matches with every number taken out.
 */
export function figureKey(name: string): string {
  return name.replace(/\d[\d,.]*/g, '#');
}

const roundGrowth = (n: number): number =>
  n >= 100 ? Math.round(n) : n >= 0.01 ? Math.round(n * 100) / 100 : Number(n.toPrecision(2));

export function growthRows(small: readonly Figure[], large: readonly Figure[]): GrowthRow[] {
  const smallByKey = new Map(small.map((f) => [figureKey(f.name), f]));
  const rows: GrowthRow[] = [];
  const seen = new Set<string>();
  for (const f of large) {
    const key = figureKey(f.name);
    seen.add(key);
    const s = smallByKey.get(key) ?? null;
    const growth = s?.value && f.value !== null ? roundGrowth(f.value / s.value) : null;
    rows.push({ name: f.name, unit: f.unit, target: f.target, small: s, large: f, growth });
  }
  // Figures measured only at the small scale (a measure function not yet run at 10×) stay listed.
  for (const s of small)
    if (!seen.has(figureKey(s.name)))
      rows.push({ name: s.name, unit: s.unit, target: s.target, small: s, large: null, growth: null });
  return rows;
}

function cell(f: Figure | null): string {
  if (f === null) return 'not run at this scale';
  if (f.value === null) return (f.note ?? 'not measured').replace(/\s+/g, ' ').slice(0, 120);
  return `${f.value} ${f.unit}${f.ratio === null ? '' : ` (${f.ratio}× baseline)`}`;
}

const result = (f: Figure | null): string => (f === null ? '' : f.pass ? 'pass' : 'FAIL');

export function formatGrowthMarkdown(rows: readonly GrowthRow[], small = 1, large = 10): string {
  return [
    `| figure | ${small}× | ${large}× | growth ${small}×→${large}× | target | ${small}× result | ${large}× result |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${cell(r.small)} | ${cell(r.large)} | ${r.growth === null ? '' : `${r.growth}×`} | ${r.target} | ${result(r.small)} | ${result(r.large)} |`,
    ),
  ].join('\n');
}
