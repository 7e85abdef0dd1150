import type { Page } from '../../shared/api/documents';
import { normaliseText } from '../../shared/text/normalise';
import { decodeText } from './decodeText';
import { checkedFormat, finishExtraction, type Extracted } from './extractText';
import { readDocx } from './readDocx';
import { htmlToText } from './readHtml';
import { readOdt } from './readOdt';
import { readPdf } from './readPdf';

export { formatOf, SUPPORTED_EXTENSIONS, type Extracted } from './extractText';

/** Pages normalised one by one and joined by a blank line, with the range of each in the joined text. */
function joinPages(rawPages: readonly string[]): { text: string; pages: Page[] } {
  const pages: Page[] = [];
  let text = '';
  rawPages.forEach((raw, i) => {
    const page = normaliseText(raw).replace(/^\n+/, '');
    if (page !== '' && text !== '') text += '\n\n';
    pages.push({ page: i + 1, startUtf16: text.length, endUtf16: text.length + page.length });
    text += page;
  });
  return { text, pages };
}

/**
 * Reads one file's bytes into the text Passage stores. Every refusal is an ImportError whose message
 * is the plain-words reason shown in the import summary.
 */
export async function extractDocument(
  fileName: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<Extracted> {
  const format = checkedFormat(fileName, bytes);
  if (format === 'txt' || format === 'md')
    return finishExtraction(fileName, { format, raw: decodeText(bytes).text });
  let raw = '';
  let pages: Page[] = [];
  let pageCount: number | null = null;
  let author: string | null = null;
  let metadataDate: string | null = null;
  switch (format) {
    case 'html': {
      const html = htmlToText(decodeText(bytes).text);
      ({ author } = html);
      raw = html.text;
      metadataDate = html.date;
      break;
    }
    case 'docx':
      ({ text: raw, author, date: metadataDate } = await readDocx(bytes));
      break;
    case 'odt':
      ({ text: raw, author, date: metadataDate } = await readOdt(bytes));
      break;
    case 'pdf': {
      const pdf = await readPdf(bytes, signal);
      ({ author, date: metadataDate } = pdf);
      const joined = joinPages(pdf.pages);
      raw = joined.text;
      pages = joined.pages;
      pageCount = pdf.pages.length;
      break;
    }
  }
  return finishExtraction(fileName, { format, raw, pages, pageCount, author, metadataDate });
}
