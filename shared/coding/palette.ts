/**
 * Default code colours: distinct at a glance as highlights and margin stripes, and readable under
 * dark text when drawn at reduced opacity. A new code takes the next colour in turn.
 */
export const CODE_PALETTE = [
  '#E6194B',
  '#3CB44B',
  '#4363D8',
  '#F58231',
  '#911EB4',
  '#42D4F4',
  '#F032E6',
  '#9A6324',
  '#469990',
  '#BFEF45',
  '#800000',
  '#000075',
  '#FFE119',
  '#808000',
  '#DCBEFF',
  '#AAFFC3',
] as const;

export function paletteColor(index: number): string {
  const n = CODE_PALETTE.length;
  return CODE_PALETTE[((index % n) + n) % n]!;
}

export function isColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}
