import { Paragraph, TextRun, type FileChild } from 'docx';
import type { EvidenceCode, EvidenceItem } from '../../../shared/reports/model';
import { countLine, quoteCitation, quoteText } from '../../../shared/export/document';
import { StyledParagraph } from './styledParagraph';
import { cleanText } from './xml';

export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: lines(text) });
}

/** A text with line breaks as runs separated by breaks: one paragraph, never empty paragraphs between lines. */
function lines(text: string): TextRun[] {
  const parts = cleanText(text).trim().split(/\r?\n/);
  return parts.length === 1
    ? [new TextRun(parts[0]!)]
    : parts.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

/**
 * The quote in Word's Quote style with its citation after it, as papers print block quotes (indented,
 * upright, APA style). One run for a one-line quote: 5,000 quotes stay close to a bare docx run.
 */
export function quoteParagraph(item: EvidenceItem): StyledParagraph {
  return new StyledParagraph('Quote', `${quoteText(item)} ${quoteCitation(item)}`);
}

export function memoParagraph(memo: string): Paragraph {
  return new Paragraph({
    style: 'Memo',
    children: [new TextRun({ text: 'Memo: ', bold: true }), ...lines(memo)],
  });
}

/** Description, counts and citations under the code's Heading 2 — the code's quotes follow. */
export function codeIntro(code: EvidenceCode): Paragraph[] {
  const out: Paragraph[] = [];
  if (code.description.trim()) out.push(bodyParagraph(code.description));
  out.push(new Paragraph({ children: [new TextRun({ text: countLine(code), italics: true })] }));
  return out;
}

export function codeQuotes(items: readonly EvidenceItem[], includeMemos: boolean): FileChild[] {
  const out: FileChild[] = [];
  for (const item of items) {
    if (!item.text.trim()) continue;
    out.push(quoteParagraph(item));
    if (includeMemos && item.memo.trim()) out.push(memoParagraph(item.memo));
  }
  return out;
}
