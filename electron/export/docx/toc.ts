import { escapeXml, RawBlock } from './xml';

export interface TocEntry {
  level: 1 | 2;
  text: string;
}

const run = (inner: string) => `<w:r>${inner}</w:r>`;
const text = (t: string) => run(`<w:t xml:space="preserve">${escapeXml(t)}</w:t>`);

/**
 * A table of contents field (TOC \o "1-2") with its entries already written, so the list shows before
 * Word updates it; the field is marked dirty and the settings ask Word to update fields on opening,
 * which adds the page numbers. Written by hand rather than with docx's TableOfContents, whose bookmark
 * ids come from a process-wide counter and would make two exports of the same project differ.
 */
export function tableOfContents(heading: string, entries: readonly TocEntry[]): RawBlock {
  const begin =
    run('<w:fldChar w:fldCharType="begin" w:dirty="true"/>') +
    run('<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>') +
    run('<w:fldChar w:fldCharType="separate"/>');
  const end = run('<w:fldChar w:fldCharType="end"/>');
  const rows =
    entries.length > 0 ? entries : [{ level: 1 as const, text: 'Update the field to list the headings.' }];
  const paragraphs = rows.map(
    (entry, i) =>
      `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}"/></w:pPr>${i === 0 ? begin : ''}${text(entry.text)}${
        i === rows.length - 1 ? end : ''
      }</w:p>`,
  );
  return new RawBlock('w:sdt', [
    '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>',
    `<w:sdtContent><w:p><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>${escapeXml(heading)}</w:t></w:r></w:p>${paragraphs.join('')}</w:sdtContent>`,
  ]);
}
