// Colours that tell coders apart where more than one coder's stripes are shown. A coder without a chosen
// colour gets one from this palette by their place in the list, skipping colours others chose, so two
// coders never share a colour when the palette has one left.

/** Distinct hues, dark enough for a stripe on white and light enough under a highlight's alpha. */
export const CODER_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
] as const;

export interface ColoredCoder {
  id: number;
  name: string;
  color: string;
}

/** Each coder with the colour to draw them in: their own, or the next palette colour nobody has. */
export function coderColors(
  coders: readonly { id: number; name: string; color: string | null }[],
): ColoredCoder[] {
  const taken = new Set(coders.map((c) => c.color?.toLowerCase()).filter((c) => c !== undefined));
  const free = CODER_PALETTE.filter((c) => !taken.has(c));
  let next = 0;
  return coders.map((c) => ({
    id: c.id,
    name: c.name,
    color: c.color ?? free[next++] ?? CODER_PALETTE[(next - 1) % CODER_PALETTE.length]!,
  }));
}
