/**
 * Bands for colouring agreement: Krippendorff's guidance (α ≥ .800 reliable, .667–.800 tentative
 * conclusions only) applied to kappa and alpha; percent agreement alone says little, so it is banded
 * more strictly (≥ 90 % good, ≥ 80 % fair).
 */
export type AgreementBand = 'good' | 'fair' | 'poor' | 'none';

export function coefficientBand(value: number | null): AgreementBand {
  if (value === null) return 'none';
  return value >= 0.8 ? 'good' : value >= 0.667 ? 'fair' : 'poor';
}

export function percentBand(value: number | null): AgreementBand {
  if (value === null) return 'none';
  return value >= 0.9 ? 'good' : value >= 0.8 ? 'fair' : 'poor';
}
