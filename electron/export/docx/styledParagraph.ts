import { EMPTY_OBJECT, FileChild, type IXmlableObject } from 'docx';
import { cleanText } from './xml';

const text = (line: string) => ({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, line] });

/**
 * A paragraph of plain text in one paragraph style, lines joined by breaks — exactly the XML docx writes
 * for `new Paragraph({ style, children: [new TextRun(…)] })`, handed to docx's serializer ready-made.
 * Quotes are the bulk of an appendix; skipping docx's component tree for them keeps 5,000 quotes near
 * the cost of a bare docx run (see bench.ts).
 */
export class StyledParagraph extends FileChild {
  private readonly xml: IXmlableObject;

  constructor(style: string, content: string) {
    super('w:p');
    const lines = cleanText(content).trim().split(/\r?\n/);
    const runs = lines.map((line, i) => ({
      'w:r': i === 0 ? [text(line)] : [{ 'w:br': EMPTY_OBJECT }, text(line)],
    }));
    this.xml = { 'w:p': [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': style } } }] }, ...runs] };
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}
