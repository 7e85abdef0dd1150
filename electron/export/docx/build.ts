import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { isWide, runningTitle, type ExportDocument } from '../../../shared/export/document';
import { bodyParagraph, codeIntro, codeQuotes, heading } from './evidence';
import { documentStyles, externalStyles } from './styles';
import { captionParagraph, LANDSCAPE_WIDTH, PORTRAIT_WIDTH, tableNote, wordTable } from './tables';
import { tableOfContents, type TocEntry } from './toc';
import { escapeXml } from './xml';

/** Called every chunk of quotes; may throw to cancel, and awaits so the event loop can breathe. */
export type DocxProgress = (quotesDone: number) => Promise<void>;

/** Quotes built between two yields to the event loop. */
export const QUOTE_CHUNK = 250;

interface Section {
  landscape: boolean;
  children: FileChild[];
}

function tocEntries(doc: ExportDocument): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') entries.push({ level: 1, text: block.heading });
    else
      for (const group of block.groups) {
        entries.push({ level: 1, text: group.heading });
        for (const code of group.codes) entries.push({ level: 2, text: code.code.name });
      }
  }
  return entries;
}

/** The body in sections: portrait by default, a landscape section for each table too wide for a portrait page. */
async function buildSections(doc: ExportDocument, progress: DocxProgress): Promise<Section[]> {
  const front: FileChild[] = [new Paragraph({ style: 'Title', children: [new TextRun(doc.title)] })];
  if (doc.methodNote.trim()) front.push(bodyParagraph(doc.methodNote));
  front.push(tableOfContents('Contents', tocEntries(doc)));
  const sections: Section[] = [{ landscape: false, children: front }];
  let current = sections[0]!;
  // The first heading after the contents starts a page, so the contents stand alone (never a blank page).
  let firstHeading = true;
  const nextPage = () => {
    const value = firstHeading;
    firstHeading = false;
    return value;
  };
  let done = 0;
  let sinceYield = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      const wide = isWide(block.table);
      if (wide !== current.landscape) {
        current = { landscape: wide, children: [] };
        sections.push(current);
        firstHeading = false;
      }
      current.children.push(
        heading(block.heading, 1, nextPage()),
        captionParagraph(block.caption),
        wordTable(block.table, wide ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH),
      );
      if (block.table.note) current.children.push(tableNote(block.table.note));
      continue;
    }
    if (current.landscape) {
      current = { landscape: false, children: [] };
      sections.push(current);
      firstHeading = false;
    }
    for (const group of block.groups) {
      current.children.push(heading(group.heading, 1, nextPage()));
      for (const code of group.codes) {
        current.children.push(...codeIntro(code));
        for (let start = 0; start < code.items.length; start += QUOTE_CHUNK) {
          const chunk = code.items.slice(start, start + QUOTE_CHUNK);
          current.children.push(...codeQuotes(chunk, doc.includeMemos));
          done += chunk.length;
          sinceYield += chunk.length;
          if (sinceYield >= QUOTE_CHUNK) {
            sinceYield = 0;
            await progress(done);
          }
        }
      }
    }
  }
  await progress(done);
  return sections;
}

function sectionOptions(doc: ExportDocument, section: Section, index: number): ISectionOptions {
  const header = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: runningTitle(doc.runningTitle ?? null, doc.projectName), size: 18 })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })],
      }),
    ],
  });
  return {
    properties: {
      // A new orientation needs a new page; the first section simply starts the document.
      type: index === 0 ? undefined : SectionType.NEXT_PAGE,
      page: section.landscape
        ? { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE } }
        : { size: { width: 11906, height: 16838 } },
    },
    headers: { default: header },
    footers: { default: footer },
    children: section.children,
  };
}

/** Core properties without the clock: the time is the project's last change, so exports are reproducible. */
function coreProperties(doc: ExportDocument): string {
  const time = doc.modified
    ? `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(doc.modified)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(doc.modified)}</dcterms:modified>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.title)}</dc:title><dc:creator>Passage</dc:creator><cp:lastModifiedBy>Passage</cp:lastModifiedBy><cp:revision>1</cp:revision>${time}</cp:coreProperties>`
  );
}

/** The whole export as a .docx file's bytes. */
export async function buildDocx(doc: ExportDocument, progress: DocxProgress = async () => undefined) {
  const sections = await buildSections(doc, progress);
  const file = new Document({
    title: doc.title,
    creator: 'Passage',
    externalStyles: externalStyles(),
    styles: documentStyles(),
    features: { updateFields: true },
    sections: sections.map((s, i) => sectionOptions(doc, s, i)),
  });
  return Packer.toBuffer(file, false, [{ path: 'docProps/core.xml', data: coreProperties(doc) }]);
}
