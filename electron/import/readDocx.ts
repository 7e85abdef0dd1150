import mammoth from 'mammoth';
import { refuse } from './importError';
import { htmlToText } from './readHtml';
import { checkZipSignature, readZipContainer } from './zipContainer';

export interface DocxExtract {
  text: string;
  author: string | null;
  date: string | null;
}

function xmlText(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const value = match?.[1]?.trim();
  return value ? value.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : null;
}

/**
 * Text of a Word document: mammoth's HTML (paragraphs, tables, footnotes and endnotes at the end)
 * turned into plain paragraphs. The container is checked first (signature, zip-bomb limits), so
 * mammoth only ever sees a zip whose inflated size is known and bounded.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxExtract> {
  checkZipSignature(bytes, 'docx');
  const zip = await readZipContainer(bytes, ['docProps/core.xml']);
  if (!zip.names.includes('word/document.xml'))
    refuse('not a Word document (word/document.xml is missing) — it may be damaged');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images are not text; dropping them keeps megabytes of base64 out of memory.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    return refuse(`damaged Word document (${(error as Error).message.slice(0, 200)})`);
  }
  const core = zip.files.get('docProps/core.xml')?.toString('utf8') ?? '';
  return {
    text: htmlToText(html, { dropFootnoteBacklinks: true }).text,
    author: xmlText(core, 'dc:creator'),
    date: xmlText(core, 'dcterms:created'),
  };
}
