// Everything done to one file's text before it is written, with no database and no reader libraries:
// the import's worker thread runs this for .txt/.md files, and the job itself for every other file.
import crypto from 'node:crypto';
import type { DocumentKind } from '../../shared/api/documents';
import { detectSpeakerTurns, type DetectedTurn } from '../../shared/text/speakerTurns';
import { countWords, countWordsUtf8 } from '../../shared/text/wordCount';
import { hashText } from './contentHash';
import type { DecodedText } from './decodeUnicode';
import { checkedFormat, finishExtraction, isPlainTextFormat, type Extracted } from './extractText';

export interface PreparedText {
  /** Metadata of the extracted text (its `text` field is not carried: see `text`). */
  extracted: Omit<Extracted, 'text'>;
  /**
   * The text to store: the normalised string, or its UTF-8 bytes when those were at hand for free (a
   * UTF-8 file that normalisation left as it was, perhaps but for trailing whitespace); SQLite takes
   * bytes without re-encoding 13 MB of strings, and the worker can hand them over without copying.
   */
  text: string | Uint8Array;
  contentHash: string;
  wordCount: number;
  turns: DetectedTurn[];
}

function prepare(extracted: Extracted, kind: DocumentKind, utf8: Uint8Array | null): PreparedText {
  const { text, ...rest } = extracted;
  return {
    extracted: rest,
    text: utf8 ?? text,
    // The same digest as hashText(text), from bytes already encoded.
    contentHash: utf8 ? crypto.createHash('sha256').update(utf8).digest('hex') : hashText(text),
    wordCount: utf8 ? countWordsUtf8(utf8) : countWords(text),
    turns: kind === 'interview' ? detectSpeakerTurns(text) : [],
  };
}

/** Hash (duplicate detection), word count and, for transcripts, speaker turns of extracted text. */
export function prepareExtracted(extracted: Extracted, kind: DocumentKind): PreparedText {
  return prepare(extracted, kind, null);
}

/**
 * The file's own bytes when they are exactly the UTF-8 of the stored text: the file was UTF-8 (no
 * BOM) and normalisation changed nothing but, perhaps, trimmed whitespace at the end.
 */
function bytesOfText(text: string, decoded: string, encoding: string, bytes: Uint8Array): Uint8Array | null {
  if (encoding !== 'UTF-8') return null;
  if (text === decoded) return bytes;
  if (!decoded.startsWith(text)) return null;
  return bytes.subarray(0, bytes.length - Buffer.byteLength(decoded.slice(text.length), 'utf8'));
}

/**
 * A .txt or .md file's bytes decoded (by decodeText, or in the worker by a decoder without the
 * legacy code pages), normalised, hashed, counted, and its turns found.
 */
export function preparePlainText(
  fileName: string,
  bytes: Uint8Array,
  kind: DocumentKind,
  decode: (bytes: Uint8Array) => DecodedText,
): PreparedText {
  const format = checkedFormat(fileName, bytes);
  if (!isPlainTextFormat(format)) throw new Error(`preparePlainText: ${format} is not plain text`);
  const decoded = decode(bytes);
  const extracted = finishExtraction(fileName, { format, raw: decoded.text });
  return prepare(extracted, kind, bytesOfText(extracted.text, decoded.text, decoded.encoding, bytes));
}
