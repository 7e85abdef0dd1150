export interface SaturationInterview {
  label: string;
  /** Interview date 'YYYY-MM-DD'; undated interviews cannot be placed on the curve. */
  date: string | null;
  /** Codes used in the interview's transcripts (repeats allowed). */
  codeIds: readonly number[];
}

export interface SaturationPoint {
  /** 1-based position in interview order. */
  n: number;
  label: string;
  date: string;
  newCodes: number;
  cumulativeCodes: number;
}

export interface SaturationCurve {
  points: SaturationPoint[];
  /** Interviews left off the curve because they have no date. */
  undated: string[];
}

/**
 * New codes per successive interview, by interview date (ties by label): a code counts as new in the
 * first interview whose transcripts use it. When the curve flattens, new interviews stop adding codes.
 */
export function saturationCurve(interviews: readonly SaturationInterview[]): SaturationCurve {
  const dated = interviews
    .filter((i): i is SaturationInterview & { date: string } => i.date !== null)
    .sort(
      (a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label, undefined, { numeric: true }),
    );
  const seen = new Set<number>();
  const points = dated.map((interview, index) => {
    let newCodes = 0;
    for (const code of new Set(interview.codeIds)) {
      if (seen.has(code)) continue;
      seen.add(code);
      newCodes += 1;
    }
    return {
      n: index + 1,
      label: interview.label,
      date: interview.date,
      newCodes,
      cumulativeCodes: seen.size,
    };
  });
  return { points, undated: interviews.filter((i) => i.date === null).map((i) => i.label) };
}

export interface AxisLabels {
  /** Level labels when each fits in its interview's slot; otherwise slanted at 45°. */
  slanted: boolean;
  /** The interviews named on the axis: all of them, or every k-th when slanted ones would collide. */
  ticks: { n: number; label: string; text: string }[];
}

const AXIS_CHARS = 12;
// Average glyph width of 11px sans-serif, rounded up: the axis is planned without measuring text.
const CHAR_WIDTH = 6.6;
/** Slanted labels collide when their baselines are closer than a line of text. */
const SLANTED_SPACING = 14;

/** Which interview labels the saturation curve's x axis shows across `width` pixels, and how. */
export function saturationAxisLabels(points: readonly SaturationPoint[], width: number): AxisLabels {
  const text = (label: string) => (label.length > AXIS_CHARS ? `${label.slice(0, AXIS_CHARS - 1)}…` : label);
  const spacing = width / Math.max(1, points.length);
  const widest = Math.max(0, ...points.map((p) => text(p.label).length)) * CHAR_WIDTH + 6;
  const slanted = widest > spacing;
  const step = slanted ? Math.ceil(SLANTED_SPACING / spacing) : 1;
  return {
    slanted,
    ticks: points
      .filter((_, i) => i % step === 0)
      .map((p) => ({ n: p.n, label: p.label, text: text(p.label) })),
  };
}
