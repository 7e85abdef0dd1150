import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { pdfPageText } from '../../shared/text/pdfColumns';
import type { PdfTextItem } from '../../shared/text/pdfLines';
import { refuse } from './importError';
import { loadPdfjs } from './loadPdfjs';
import { MAX_PDF_PAGES } from './limits';

export interface PdfExtract {
  /** Raw text of each page, in page order (not yet normalised). */
  pages: string[];
  author: string | null;
  date: string | null;
}

/** 'D:20190512…' → '2019-05-12' */
function pdfDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!match) return null;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfjs();
  try {
    // A copy: pdf.js transfers (detaches) the buffer it is given.
    return await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      return refuse('file is password-protected — remove the password and import it again');
    if (name === 'InvalidPDFException') return refuse('not a valid PDF file — it may be damaged');
    return refuse(`damaged PDF (${(error as Error).message.slice(0, 200)})`);
  }
}

/** pdf.js text items in the pure module's terms (position from the transform, never a zero height). */
function pageItems(items: readonly TextItem[]): PdfTextItem[] {
  return items
    .filter((item) => item.str.length > 0)
    .map((item) => ({
      str: item.str,
      x: item.transform[4] as number,
      y: item.transform[5] as number,
      width: item.width,
      height: Math.abs(item.height) || Math.abs(item.transform[3] as number) || 10,
    }));
}

/**
 * Text of a PDF's text layer, page by page, in reading order per page (columns detected and read one
 * after another, lines top to bottom, words left to right), hyphenated line breaks joined. A PDF
 * without a text layer (a scan) is refused.
 */
export async function readPdf(bytes: Uint8Array, signal?: AbortSignal): Promise<PdfExtract> {
  const pdf = await openPdf(bytes);
  try {
    if (pdf.numPages > MAX_PDF_PAGES) refuse(`PDF has ${pdf.numPages} pages (limit ${MAX_PDF_PAGES})`);
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (signal?.aborted) refuse('cancelled');
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      pages.push(pdfPageText(pageItems(items)));
      page.cleanup();
    }
    if (pages.every((p) => !/\S/.test(p))) refuse('no text layer — run OCR first');
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const author = typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim() : null;
    return { pages, author, date: pdfDate(info.CreationDate) };
  } finally {
    await pdf.destroy();
  }
}
