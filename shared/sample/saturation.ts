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
