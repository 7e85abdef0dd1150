/**
 * Agreement measures on a binary table (units × coders, each cell "applied the code" or not), computed
 * from counts alone so that millions of character units cost nothing to hold.
 *
 * A BinaryTally holds, for N units and m coders (every coder judged every unit: there is no missing
 * data when coders are compared on the same texts):
 *   byCount[k] — units on which exactly k coders applied the code (k = 0..m)
 *   applied[c] — units on which coder c applied it
 * Pooling tallies (several codes as one table) is adding them up.
 */

export interface BinaryTally {
  units: number;
  byCount: number[];
  applied: number[];
}

export interface AgreementMeasures {
  units: number;
  /** Share (0..1) of units on which all coders agree; null without units. */
  percentAgreement: number | null;
  /** Cohen's kappa: exactly two coders, else null; null too when chance agreement is 1. */
  kappa: number | null;
  /** Krippendorff's alpha (nominal); null when the coders' values never vary (D_e = 0). */
  alpha: number | null;
}

export function emptyTally(coders: number): BinaryTally {
  return {
    units: 0,
    byCount: new Array<number>(coders + 1).fill(0),
    applied: new Array<number>(coders).fill(0),
  };
}

/** Adds `from` into `into` (same number of coders). */
export function addTally(into: BinaryTally, from: BinaryTally): void {
  into.units += from.units;
  for (let k = 0; k < from.byCount.length; k++) into.byCount[k]! += from.byCount[k]!;
  for (let c = 0; c < from.applied.length; c++) into.applied[c]! += from.applied[c]!;
}

export function percentAgreement(t: BinaryTally): number | null {
  if (t.units === 0) return null;
  const m = t.applied.length;
  return (t.byCount[0]! + t.byCount[m]!) / t.units;
}

/** (p_o − p_e) / (1 − p_e), p_e = pA·pB + (1 − pA)(1 − pB) from each coder's own rate. */
export function cohensKappa(t: BinaryTally): number | null {
  if (t.applied.length !== 2 || t.units === 0) return null;
  const po = percentAgreement(t)!;
  const pa = t.applied[0]! / t.units;
  const pb = t.applied[1]! / t.units;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/**
 * α = 1 − D_o / D_e for nominal binary values without missing data. With n = N·m values, n₁ ones and
 * n₀ zeros, the coincidence of 0 and 1 is o₀₁ = Σ_u n_u0·n_u1 / (m − 1), and α = 1 − (n − 1)·o₀₁ / (n₀·n₁)
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", nominal data).
 */
export function krippendorffAlpha(t: BinaryTally): number | null {
  const m = t.applied.length;
  if (m < 2 || t.units === 0) return null;
  const n = t.units * m;
  let ones = 0;
  let o01 = 0;
  for (let k = 0; k <= m; k++) {
    ones += k * t.byCount[k]!;
    o01 += (t.byCount[k]! * k * (m - k)) / (m - 1);
  }
  const zeros = n - ones;
  if (ones === 0 || zeros === 0) return null;
  return 1 - ((n - 1) * o01) / (zeros * ones);
}

export function measures(t: BinaryTally): AgreementMeasures {
  return {
    units: t.units,
    percentAgreement: percentAgreement(t),
    kappa: cohensKappa(t),
    alpha: krippendorffAlpha(t),
  };
}

/** The tally of an explicit table: rows are units, each a 0/1 value per coder (for tests and small cases). */
export function tallyRows(rows: readonly (readonly (0 | 1)[])[], coders: number): BinaryTally {
  const t = emptyTally(coders);
  for (const row of rows) {
    let k = 0;
    row.forEach((v, c) => {
      if (v) {
        k++;
        t.applied[c]!++;
      }
    });
    t.byCount[k]!++;
    t.units++;
  }
  return t;
}

/**
 * Krippendorff's alpha for nominal values of any kind with missing values (null): the general
 * coincidence-matrix form. Units with fewer than two values are not pairable and are left out.
 * The binary tally above is a special case; this form checks it against published examples.
 */
export function nominalAlpha(units: readonly (readonly (string | number | null)[])[]): number | null {
  const coincidence = new Map<string, number>();
  const totals = new Map<string, number>();
  let n = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is string | number => v !== null).map(String);
    const mu = values.length;
    if (mu < 2) continue;
    for (let i = 0; i < mu; i++) {
      for (let j = 0; j < mu; j++) {
        if (i === j) continue;
        const key = `${values[i]}\u0000${values[j]}`;
        coincidence.set(key, (coincidence.get(key) ?? 0) + 1 / (mu - 1));
      }
      totals.set(values[i]!, (totals.get(values[i]!) ?? 0) + 1);
    }
    n += mu;
  }
  let observed = 0;
  for (const [key, o] of coincidence) {
    const [c, k] = key.split('\u0000');
    if (c !== k) observed += o;
  }
  let expected = 0;
  const values = [...totals.values()];
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < values.length; j++) if (i !== j) expected += values[i]! * values[j]!;
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}
