// One figure of the bench: what was measured, against what, and whether it met its target. A figure whose
// part is not built (or failed) is "not measured" with the reason — never a made-up number.
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  pass: boolean;
  note?: string;
}

const round = (n: number): number =>
  Math.abs(n) >= 100
    ? Math.round(n)
    : Math.abs(n) >= 0.01
      ? Math.round(n * 100) / 100
      : Number(n.toPrecision(2));

/** value < limit (a time or size budget). */
export function underLimit(
  name: string,
  value: number,
  unit: string,
  limit: number,
  baseline: number | null = null,
  note?: string,
): Figure {
  return {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : round(value / baseline),
    target: `< ${limit} ${unit}`,
    pass: value < limit,
    ...(note ? { note } : {}),
  };
}

/** value / baseline ≤ maxRatio. */
export function withinRatio(
  name: string,
  value: number,
  baseline: number,
  unit: string,
  maxRatio: number,
  note?: string,
): Figure {
  const ratio = value / baseline;
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio),
    target: `≤ ${maxRatio}× baseline`,
    pass: ratio <= maxRatio,
    ...(note ? { note } : {}),
  };
}

/** A figure with no target (a size to report). */
export function informational(name: string, value: number, unit: string, note?: string): Figure {
  return {
    name,
    value: round(value),
    unit,
    baseline: null,
    ratio: null,
    target: 'report',
    pass: true,
    ...(note ? { note } : {}),
  };
}

export function notMeasured(name: string, unit: string, target: string, reason: string): Figure {
  return {
    name,
    value: null,
    unit,
    baseline: null,
    ratio: null,
    target,
    pass: false,
    note: `not measured (${reason})`,
  };
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? (f.note ?? 'not measured').replace(/\s+/g, ' ').slice(0, 160) : `${f.value} ${f.unit}`,
    f.baseline === null ? '' : `${f.baseline} ${f.unit}`,
    f.ratio === null ? '' : `${f.ratio}×`,
    f.target,
    f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatMarkdown(figures: readonly Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${f.value === null ? (f.note ?? 'not measured').replace(/\s+/g, ' ').slice(0, 160) : `${f.value} ${f.unit}`} | ${
        f.baseline === null ? '' : `${f.baseline} ${f.unit}`
      } | ${f.ratio === null ? '' : `${f.ratio}×`} | ${f.target} | ${f.pass ? 'pass' : 'FAIL'} |`,
  );
  return [
    '| figure | value | baseline | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Median wall time in ms of `runs` calls (the first call warms caches and is not counted). */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function onceMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
