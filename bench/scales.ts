// Which studies a bench run builds, and who codes them.

/** PASSAGE_BENCH_SCALE: "both" (default) = 1 and 10; otherwise one scale or a comma list of them. */
export function scalesFrom(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '' || value.trim() === 'both') return [1, 10];
  const scales = value.split(',').map((part) => Number(part.trim()));
  if (scales.some((n) => !Number.isFinite(n) || n <= 0))
    throw new Error(`PASSAGE_BENCH_SCALE must be 1, 10, both or a list such as 1,3 (got "${value}")`);
  return scales;
}

/** Coders sharing the segments: one at 1×, four at 10× (a team's merged work). */
export function codersAt(scale: number): string[] {
  return scale > 1 ? ['bench', 'coder 2', 'coder 3', 'coder 4'] : ['bench'];
}
