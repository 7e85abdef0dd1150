import { escapeXml, RawBlock } from './xml';

export interface TocEntry {
  level: 1 | 2;
  text: string;
  /** The bookmark around the entry's heading, which the entry's page number refers to. */
  bookmark: string;
}

/** Text width of a portrait A4 page between docx's default margins, in twentieths of a point. */
const RIGHT_TAB = 9026;

const run = (inner: string) => `<w:r>${inner}</w:r>`;
const text = (t: string) => run(`<w:t xml:space="preserve">${escapeXml(t)}</w:t>`);
const field = (instruction: string, cached: string) =>
  run('<w:fldChar w:fldCharType="begin"/>') +
  run(`<w:instrText xml:space="preserve"> ${instruction} </w:instrText>`) +
  run('<w:fldChar w:fldCharType="separate"/>') +
  text(cached) +
  run('<w:fldChar w:fldCharType="end"/>');

/** Bookmark names are deterministic, so two exports of the same project are the same file. */
export function tocBookmark(index: number): string {
  return `_TocPassage${index + 1}`;
}

/**
 * A heading paragraph (Heading1/Heading2) inside a bookmark the contents' page references point at.
 * Written as XML because docx's Bookmark takes its id from a process-wide counter.
 */
export function bookmarkedHeading(
  headingText: string,
  level: 1 | 2,
  bookmark: string,
  bookmarkId: number,
  pageBreakBefore: boolean,
): RawBlock {
  return new RawBlock('w:p', [
    `<w:pPr><w:pStyle w:val="Heading${level}"/>${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}</w:pPr>`,
    `<w:bookmarkStart w:id="${bookmarkId}" w:name="${bookmark}"/>`,
    text(headingText),
    `<w:bookmarkEnd w:id="${bookmarkId}"/>`,
  ]);
}

/**
 * A table of contents field (TOC \o "1-2") with its entries already written, as Word itself writes
 * them: each entry links to its heading's bookmark and ends in a PAGEREF field to it. LibreOffice shows
 * the page numbers from those references without a field update; Word can still rebuild the whole field
 * (the settings ask it to update fields on opening). `pages` gives the cached result of each reference,
 * for readers that update nothing. Written by hand rather than with docx's TableOfContents, whose
 * bookmark ids come from a process-wide counter and would make two exports of the same project differ.
 */
export function tableOfContents(
  heading: string,
  entries: readonly TocEntry[],
  pages: readonly (number | null)[] = [],
): RawBlock {
  const begin =
    run('<w:fldChar w:fldCharType="begin" w:dirty="true"/>') +
    run('<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>') +
    run('<w:fldChar w:fldCharType="separate"/>');
  const end = run('<w:fldChar w:fldCharType="end"/>');
  const tabs = `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${RIGHT_TAB}"/></w:tabs>`;
  const paragraphs =
    entries.length > 0
      ? entries.map((entry, i) => {
          const page = field(`PAGEREF ${entry.bookmark} \\h`, String(pages[i] ?? ''));
          const link = `<w:hyperlink w:anchor="${entry.bookmark}" w:history="1">${text(entry.text)}${run('<w:tab/>')}${page}</w:hyperlink>`;
          return `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}"/>${tabs}</w:pPr>${i === 0 ? begin : ''}${link}${
            i === entries.length - 1 ? end : ''
          }</w:p>`;
        })
      : [
          `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>${begin}${text('Update the field to list the headings.')}${end}</w:p>`,
        ];
  return new RawBlock('w:sdt', [
    '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>',
    `<w:sdtContent><w:p><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>${escapeXml(heading)}</w:t></w:r></w:p>${paragraphs.join('')}</w:sdtContent>`,
  ]);
}
