/** One text run of a PDF page, in PDF units (origin bottom-left; y is the baseline). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfLine {
  text: string;
  /** Baseline, in PDF units (larger is higher on the page). */
  y: number;
  height: number;
}

/** Items grouped into lines by baseline, lines top to bottom, each line's items left to right. */
export function groupItemsIntoRows(items: readonly PdfTextItem[]): (PdfLine & { items: PdfTextItem[] })[] {
  const sorted = items.filter((item) => item.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (PdfLine & { items: PdfTextItem[] })[] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    // Same baseline within a third of the text height: one line (superscripts stay on their line).
    if (row && Math.abs(row.y - item.y) <= item.height / 3) row.items.push(item);
    else rows.push({ y: item.y, height: item.height, text: '', items: [item] });
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows;
}

/** Lines of text from items: a visible gap between runs is a space pdf.js did not emit as an item. */
export function linesFromItems(items: readonly PdfTextItem[]): PdfLine[] {
  return groupItemsIntoRows(items).map((row) => {
    let text = '';
    let end = -Infinity;
    for (const item of row.items) {
      if (text !== '' && item.x - end > row.height * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str))
        text += ' ';
      text += item.str;
      end = item.x + item.width;
    }
    return { text, y: row.y, height: row.height };
  });
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
