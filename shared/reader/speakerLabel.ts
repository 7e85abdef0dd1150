const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the speaker label a transcript carries in its text ("Interviewer:", "**P01**:") ends, so the
 * reader can show it as a label; null when the row does not open with its speaker's name.
 */
export function speakerLabelEnd(text: string, rowStart: number, speaker: string): number | null {
  const head = text.slice(rowStart, rowStart + speaker.length + 12);
  const match = new RegExp(
    `^[ \\t]*(?:\\*\\*|\\[)?${escapeRegExp(speaker)}\\.?(?:\\*\\*|\\])?[ \\t]*:(?:\\*\\*)?`,
    'u',
  ).exec(head);
  return match ? rowStart + match[0].length : null;
}
