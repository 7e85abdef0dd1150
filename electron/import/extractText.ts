// The part of extraction every format shares. It has no heavy dependencies (no docx, PDF or HTML
// readers, no encoding detector) so the import's worker thread can bundle it.
import type { DocumentFormat, Page } from '../../shared/api/documents';
import { dateFromFileName, dateFromMetadata } from '../../shared/text/fileNames';
import { isBlank, normaliseText } from '../../shared/text/normalise';
import { dateFromDateLine } from './dateLine';
import { refuse } from './importError';
import { MAX_TEXT_UTF16 } from './limits';

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

/** The format of a file Passage can read, or the plain-words refusal; an empty file is refused too. */
export function checkedFormat(fileName: string, bytes: Uint8Array): DocumentFormat {
  const format = formatOf(fileName);
  if (!format) {
    const extension = /\.([^./\\]+)$/.exec(fileName)?.[1];
    return refuse(
      `${extension ? `.${extension} files are` : 'files without an extension are'} not supported — Passage imports txt, md, docx, pdf, html and odt`,
    );
  }
  if (bytes.length === 0) refuse('empty');
  return format;
}

export interface RawText {
  format: DocumentFormat;
  raw: string;
  pages?: Page[];
  pageCount?: number | null;
  author?: string | null;
  metadataDate?: string | null;
}

/** Raw text of any format to what Passage stores: length limit, normalisation, blank check, date. */
export function finishExtraction(fileName: string, input: RawText): Extracted {
  const { format, raw } = input;
  if (raw.length > MAX_TEXT_UTF16)
    refuse(
      `its text is ${raw.length.toLocaleString('en')} characters long (limit ${MAX_TEXT_UTF16.toLocaleString('en')})`,
    );
  // PDF pages are normalised one by one so their ranges stay exact; this is then a no-op.
  const text = format === 'pdf' ? raw : normaliseText(raw);
  if (isBlank(text)) refuse(format === 'pdf' ? 'no text layer — run OCR first' : 'empty');
  return {
    format,
    text,
    pages: input.pages ?? [],
    pageCount: input.pageCount ?? null,
    author: input.author ? input.author.slice(0, 500) : null,
    // A date in the file name was chosen by the researcher; a "Date:" line at the top says when the
    // interview took place; both beat the file's metadata (often when the file was written).
    date: dateFromFileName(fileName) ?? dateFromDateLine(text) ?? dateFromMetadata(input.metadataDate),
  };
}

/** True for the formats read as plain text (synchronously, with no reader library). */
export function isPlainTextFormat(format: DocumentFormat | undefined): boolean {
  return format === 'txt' || format === 'md';
}
