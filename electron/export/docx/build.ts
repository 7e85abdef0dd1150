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
import {
  countLine,
  isWide,
  quoteCitation,
  quoteText,
  runningTitle,
  type ExportDocument,
} from '../../../shared/export/document';
import { bodyParagraph, codeIntro, codeQuotes } from './evidence';
import { documentStyles, externalStyles } from './styles';
import {
  captionParagraph,
  columnBlocks,
  LANDSCAPE_WIDTH,
  PORTRAIT_WIDTH,
  tableNote,
  wordTable,
} from './tables';
import {
  contentsEndPage,
  LANDSCAPE_PAGE,
  PageEstimate,
  PORTRAIT_PAGE,
  type ContentsEntry,
  type HeadingPlace,
} from './pages';
import { bookmarkedHeading, tableOfContents, tocBookmark, type TocEntry } from './toc';
import { escapeXml } from './xml';

/** Called every chunk of quotes; may throw to cancel, and awaits so the event loop can breathe. */
export type DocxProgress = (quotesDone: number) => Promise<void>;

/** Quotes built between two yields to the event loop. */
export const QUOTE_CHUNK = 250;

interface Section {
  landscape: boolean;
  children: FileChild[];
}

/** The headings the contents list: every table and code group, and each group's codes. */
function contentsEntries(doc: ExportDocument): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const block of doc.blocks)
    if (block.kind === 'table') entries.push({ text: block.heading, level: 1 });
    else
      for (const group of block.groups) {
        entries.push({ text: group.heading, level: 1 });
        for (const code of group.codes) entries.push({ text: code.code.name, level: 2 });
      }
  return entries;
}

/**
 * The body in sections: portrait by default, a landscape section for each table too wide for a portrait
 * page. Every main heading starts a page, and each contents entry carries the page its heading is
 * estimated to fall on (pages.ts).
 */
async function buildSections(doc: ExportDocument, progress: DocxProgress): Promise<Section[]> {
  const front: FileChild[] = [new Paragraph({ style: 'Title', children: [new TextRun(doc.title)] })];
  if (doc.methodNote.trim()) front.push(bodyParagraph(doc.methodNote));
  const sections: Section[] = [{ landscape: false, children: front }];
  const tocAt = front.length;
  let current = sections[0]!;
  // The title page with the contents, estimated; the body starts on the page after.
  const pages = new PageEstimate(
    contentsEndPage(doc.title, doc.methodNote, contentsEntries(doc)) + 1,
    PORTRAIT_PAGE,
  );
  // A main heading starts a page, unless it opens a new section, which starts one itself (no blank page).
  let sectionOpened = false;
  const openSection = (landscape: boolean) => {
    current = { landscape, children: [] };
    sections.push(current);
    sectionOpened = true;
    pages.newPage(landscape ? LANDSCAPE_PAGE : PORTRAIT_PAGE);
  };
  // Every heading the contents list sits in a bookmark its entry's page reference points at.
  const entries: TocEntry[] = [];
  // A heading's page is known once what it is kept with is placed.
  const entryPages: HeadingPlace[] = [];
  const tocHeading = (text: string, level: 1 | 2) => {
    const pageBreakBefore = level === 1 && !sectionOpened;
    sectionOpened = false;
    if (pageBreakBefore) pages.newPage();
    entryPages.push(pages.heading(level, text));
    const bookmark = tocBookmark(entries.length);
    entries.push({ level, text, bookmark });
    return bookmarkedHeading(text, level, bookmark, entries.length, pageBreakBefore);
  };
  let done = 0;
  let sinceYield = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      const wide = isWide(block.table);
      if (wide !== current.landscape) openSection(wide);
      const textWidth = wide ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
      current.children.push(tocHeading(block.heading, 1));
      for (const [i, part] of columnBlocks(block.table, textWidth).entries()) {
        const caption = i === 0 ? block.caption : `${block.caption} (continued)`;
        current.children.push(captionParagraph(caption), wordTable(part, textWidth));
        pages.table(part, caption);
        if (part.note) current.children.push(tableNote(part.note));
      }
      continue;
    }
    if (current.landscape) openSection(false);
    for (const group of block.groups) {
      current.children.push(tocHeading(group.heading, 1));
      for (const code of group.codes) {
        current.children.push(tocHeading(code.code.name, 2), ...codeIntro(code));
        if (code.description.trim()) pages.paragraph(code.description, 120);
        pages.countLine(countLine(code));
        for (let start = 0; start < code.items.length; start += QUOTE_CHUNK) {
          const chunk = code.items.slice(start, start + QUOTE_CHUNK);
          current.children.push(...codeQuotes(chunk, doc.includeMemos));
          for (const item of chunk) {
            if (!item.text.trim()) continue;
            pages.quote(`${quoteText(item)} ${quoteCitation(item)}`);
            if (doc.includeMemos && item.memo.trim()) pages.memo(`Memo: ${item.memo}`);
          }
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
  front.splice(
    tocAt,
    0,
    tableOfContents(
      'Contents',
      entries,
      entryPages.map((p) => p.page),
    ),
  );
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
