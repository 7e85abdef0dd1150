import type { IStylesOptions } from 'docx';

/** One academic font; sizes in half-points as Word stores them. */
export const FONT = 'Times New Roman';
const BODY = 24; // 12 pt
const SMALL = 20; // 10 pt, tables and captions

// Word's built-in "Table Grid", defined here because docx does not write it; the user restyles it in Word.
const TABLE_GRID = `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="${SMALL}"/><w:szCs w:val="${SMALL}"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`;

/**
 * Word's built-in style ids (Title, Heading1–3, Quote, Caption, TableGrid) so the whole document is
 * restyled from Word's Styles pane; only their looks are set here.
 */
export function documentStyles(): IStylesOptions {
  const heading = (size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: BODY },
        paragraph: { spacing: { after: 120, line: 276 } },
      },
      title: {
        run: { font: FONT, size: 36, bold: true, color: '000000' },
        paragraph: { spacing: { after: 240 } },
      },
      heading1: heading(30, 360),
      heading2: heading(26, 240),
      heading3: heading(BODY, 200),
    },
    paragraphStyles: [
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 60, after: 120 } },
      },
      {
        id: 'Caption',
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: SMALL, bold: true, italics: false, color: '000000' },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
      },
      {
        id: 'TableNote',
        name: 'Table Note',
        basedOn: 'Normal',
        run: { size: SMALL, italics: true },
        paragraph: { spacing: { before: 60, after: 240 } },
      },
      {
        id: 'Memo',
        name: 'Segment Memo',
        basedOn: 'Normal',
        run: { size: SMALL },
        paragraph: { indent: { left: 720, right: 720 }, spacing: { after: 160 } },
      },
    ],
  };
}

/**
 * Given as docx's "external styles", which it merges with its defaults (Title, Headings, Normal…); given
 * as imported styles instead, it would replace them all.
 */
export function externalStyles(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${TABLE_GRID}</w:styles>`;
}
