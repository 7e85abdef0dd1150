/** The default pseudonym: "Interview N". */
export const DEFAULT_LABEL = /^Interview (\d+)$/i;

export function defaultLabel(n: number): string {
  return `Interview ${n}`;
}

/** The first "Interview N" not yet taken, N counted from 1 (case-insensitive, as labels are unique so). */
export function nextDefaultLabel(taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = taken.length + 1; ; n++) {
    // Starting at count + 1 keeps numbers rising; the loop only moves on past a clash.
    if (!used.has(defaultLabel(n).toLowerCase())) return defaultLabel(n);
  }
}

export interface LabelCandidate {
  id: number;
  label: string;
  interviewDate: string | null;
}

/**
 * Renumbers default-labelled participants "Interview 1…N" by interview order (dated first by date,
 * then undated in their current order). Labels of the user's own scheme (e.g. "P01") are kept.
 * Returns only the labels that change.
 */
export function renumberByInterviewOrder(participants: readonly LabelCandidate[]): Map<number, string> {
  const defaults = participants.filter((p) => DEFAULT_LABEL.test(p.label));
  const current = (p: LabelCandidate) => Number(DEFAULT_LABEL.exec(p.label)![1]);
  const ordered = [...defaults].sort((a, b) => {
    if (a.interviewDate && b.interviewDate)
      return a.interviewDate.localeCompare(b.interviewDate) || current(a) - current(b);
    if (a.interviewDate) return -1;
    if (b.interviewDate) return 1;
    return current(a) - current(b);
  });
  const changes = new Map<number, string>();
  ordered.forEach((p, index) => {
    const label = defaultLabel(index + 1);
    if (label !== p.label) changes.set(p.id, label);
  });
  return changes;
}
