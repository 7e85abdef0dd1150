export interface DetectedTurn {
  speaker: string;
  /** From the start of the label's line to the end of the turn's last non-blank character. */
  startUtf16: number;
  endUtf16: number;
}

// Labels transcribers use; any of these counts even when it occurs once.
const KNOWN = new Set(
  [
    'interviewer',
    'respondent',
    'interviewee',
    'participant',
    'moderator',
    'facilitator',
    'q',
    'a',
    'i',
    'r',
    'p',
  ].map((s) => s.toLowerCase()),
);
// A label at the start of a line: up to four capitalised or numbered words ("Dr Smith", "P12",
// "Respondent 3", "Ms. O'Neil"), optionally in brackets or bold markers, then a colon and a space.
const LABEL =
  /^[ \t]*(?:\*\*|\[)?(\p{Lu}[\p{L}\p{M}\d.'’-]*(?:[ \t]+[\p{Lu}\d][\p{L}\p{M}\d.'’-]*){0,3})(?:\*\*|\])?[ \t]*:(?:\*\*)?(?=[ \t]|$)/gmu;

// Words that start many lines with a colon in ordinary documents but are not speakers.
const NOT_SPEAKERS = new Set([
  'note',
  'notes',
  'source',
  'date',
  'time',
  'location',
  'subject',
  're',
  'title',
  'summary',
  'http',
  'https',
]);

/**
 * Speaker turns of a transcript: a turn starts at a line that begins with a speaker label
 * ("Interviewer:", "Q:", "I:", "Maria:") and runs to the next such line. A label that is neither a
 * well-known one nor used at least twice is taken for ordinary text ("Note: …"). Text before the
 * first turn (a header) belongs to no turn.
 */
export function detectSpeakerTurns(text: string): DetectedTurn[] {
  const found: { speaker: string; start: number }[] = [];
  const uses = new Map<string, number>();
  LABEL.lastIndex = 0;
  for (let match = LABEL.exec(text); match !== null; match = LABEL.exec(text)) {
    const speaker = match[1]!.replace(/[.]$/, '');
    if (NOT_SPEAKERS.has(speaker.toLowerCase())) continue;
    found.push({ speaker, start: match.index });
    uses.set(speaker, (uses.get(speaker) ?? 0) + 1);
  }
  const labels = found.filter((f) => KNOWN.has(f.speaker.toLowerCase()) || (uses.get(f.speaker) ?? 0) >= 2);
  const turns: DetectedTurn[] = [];
  labels.forEach((label, i) => {
    const next = labels[i + 1]?.start ?? text.length;
    let end = next;
    while (end > label.start && /\s/.test(text[end - 1]!)) end--;
    // Leading indentation is not part of the turn.
    let start = label.start;
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    if (start < end) turns.push({ speaker: label.speaker, startUtf16: start, endUtf16: end });
  });
  return turns;
}

/** Distinct speaker labels in order of first appearance (what the user confirms or corrects). */
export function speakersOf(turns: readonly { speaker: string }[]): string[] {
  return [...new Set(turns.map((t) => t.speaker))];
}
