import type { DocumentFormat, Page } from '../../shared/api/documents';
import { dateFromFileName, dateFromMetadata } from '../../shared/text/fileNames';
import { isBlank, normaliseText } from '../../shared/text/normalise';
import { decodeText } from './decodeText';
import { refuse } from './importError';
import { MAX_TEXT_UTF16 } from './limits';
import { readDocx } from './readDocx';
import { htmlToText } from './readHtml';
import { readOdt } from './readOdt';
import { readPdf } from './readPdf';

const FORMATS: Record<string, DocumentFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  odt: 'odt',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

export function formatOf(fileName: string): DocumentFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension ? FORMATS[extension] : undefined;
}

export interface Extracted {
  format: DocumentFormat;
  /** Normalised (NFC, \n): the text stored, which offsets point into. */
  text: string;
  pages: Page[];
  pageCount: number | null;
  author: string | null;
  date: string | null;
}

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
  const format = formatOf(fileName);
  if (!format) {
    const extension = /\.([^./\\]+)$/.exec(fileName)?.[1];
    return refuse(
      `${extension ? `.${extension} files are` : 'files without an extension are'} not supported — Passage imports txt, md, docx, pdf, html and odt`,
    );
  }
  if (bytes.length === 0) refuse('empty');
  let raw = '';
  let pages: Page[] = [];
  let pageCount: number | null = null;
  let author: string | null = null;
  let metadataDate: string | null = null;
  switch (format) {
    case 'txt':
    case 'md':
      raw = decodeText(bytes).text;
      break;
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
  if (raw.length > MAX_TEXT_UTF16)
    refuse(
      `its text is ${raw.length.toLocaleString('en')} characters long (limit ${MAX_TEXT_UTF16.toLocaleString('en')})`,
    );
  // PDF pages are normalised one by one above so their ranges stay exact; this is then a no-op.
  const text = format === 'pdf' ? raw : normaliseText(raw);
  if (isBlank(text)) refuse(format === 'pdf' ? 'no text layer — run OCR first' : 'empty');
  return {
    format,
    text,
    pages,
    pageCount,
    author: author ? author.slice(0, 500) : null,
    date: dateFromFileName(fileName) ?? dateFromMetadata(metadataDate),
  };
}
