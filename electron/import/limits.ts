/**
 * Import limits. A file is checked against them before its content is read or inflated, so no file
 * can exhaust memory:
 * - MAX_FILE_BYTES (50 MB) per file on disk or uploaded. A 60 MB text file is refused with
 *   "file is 60.0 MB — larger than the 50 MB limit per file; split it into parts" without being read.
 *   (The longest transcripts researchers import are ~2 MB; 50 MB of text is ~8 million words.)
 * - MAX_TEXT_UTF16 (40 million UTF-16 units, ~80 MB in memory) for the text extracted from any format.
 * - Zip containers (.docx, .odt): at most MAX_ZIP_ENTRIES entries, MAX_UNZIPPED_BYTES (200 MB) declared
 *   in all, and no entry inflating more than MAX_COMPRESSION_RATIO times — checked on yauzl's central
 *   directory before anything is inflated; inflated sizes are then verified against the declared ones.
 * - PDF: at most MAX_PDF_PAGES pages.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_TEXT_UTF16 = 40_000_000;
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 200;
export const MAX_PDF_PAGES = 5_000;

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
