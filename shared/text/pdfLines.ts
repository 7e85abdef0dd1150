export interface PdfLine {
  text: string;
  /** Baseline, in PDF units (larger is higher on the page). */
  y: number;
  height: number;
}

/**
 * Joins a page's lines into paragraphs: a vertical gap clearly larger than the usual line spacing
 * starts a new paragraph; lines of one paragraph are joined by a space, and a word hyphenated
 * across a line break ("protec-" + "tion") is joined without the hyphen when the next line starts in
 * lower case (a capital after the hyphen, as in "Franco-" + "German", keeps it: "Franco-German").
 */
export function joinPdfLines(lines: readonly PdfLine[]): string {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1]!.y - lines[i]!.y);
  const typical = median(gaps.filter((g) => g > 0)) ?? 0;
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const text = line.text.trim();
    const gap = i === 0 ? 0 : lines[i - 1]!.y - line.y;
    const newParagraph = i > 0 && (gap > typical * 1.4 + 0.5 || gap > line.height * 2 || gap < 0);
    if (newParagraph) {
      if (current.trim()) paragraphs.push(current.trim());
      current = '';
    }
    if (text === '') return;
    if (current === '') current = text;
    else if (/\p{L}-$/u.test(current) && /^\p{Ll}/u.test(text)) current = current.slice(0, -1) + text;
    else if (/\p{L}-$/u.test(current)) current += text;
    else current += ` ${text}`;
  });
  if (current.trim()) paragraphs.push(current.trim());
  return paragraphs.join('\n\n');
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
