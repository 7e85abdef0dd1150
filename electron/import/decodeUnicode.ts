// Decoding that needs no detector library: BOMs, UTF-16 and UTF-8. The import's worker thread uses
// only this (files in legacy code pages are left to the job), so it does not load chardet/iconv-lite.
import { isUtf8 } from 'node:buffer';
import { refuse } from './importError';

export interface DecodedText {
  text: string;
  encoding: string;
}

/** Control characters other than tab, newline, form feed and carriage return: text files have (almost) none. */
function looksBinary(bytes: Uint8Array): boolean {
  // An indexed loop: iterating a typed array with for…of is several times slower, on every file.
  const n = Math.min(bytes.length, 8 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 32) {
      if (b === 0) return true;
      if (b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
    }
  }
  return control > n / 100;
}

/** UTF-16 saved without a BOM shows as every other byte being zero in Latin-script text. */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, skip = 2): string {
  const body = bytes.subarray(skip);
  if (body.length % 2 !== 0) refuse('not valid UTF-16 text (odd number of bytes)');
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: false }).decode(body);
}

/**
 * Bytes of a .txt/.md file to a string when the file is Unicode: a BOM decides (UTF-8, UTF-16 LE/BE);
 * UTF-16 without a BOM is recognised; otherwise valid UTF-8 is UTF-8. Binary content (NUL bytes,
 * control characters) is refused. Null when the file needs a legacy code page (see decodeText).
 */
export function decodeUnicode(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: strictUtf8(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeUtf16(bytes, true), encoding: 'UTF-16 LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeUtf16(bytes, false), encoding: 'UTF-16 BE' };
  const bomless = utf16WithoutBom(bytes);
  if (bomless)
    return { text: decodeUtf16(bytes, bomless === 'le', 0), encoding: `UTF-16 ${bomless.toUpperCase()}` };
  if (looksBinary(bytes)) refuse('not a text file (binary content)');
  // Native validation then decoding: several times faster than a fatal TextDecoder on large files.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { text: buffer.toString('utf8'), encoding: 'UTF-8' };
  return null;
}

// Tab, newline, form feed and carriage return are text; U+FFFD marks bytes that decoded to nothing.
const CONTROL = /[^\t\n\f\r\x20-\ufffc\ufffe\uffff]/;

function controlCharacterShare(text: string): number {
  const n = Math.min(text.length, 8 * 1024);
  if (n === 0) return 0;
  // Most texts have none at all: one native scan instead of a loop over 8,192 characters.
  if (!CONTROL.test(n === text.length ? text : text.slice(0, n))) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  return control / n;
}

/** Refuses decoded text that is mostly control characters (a binary file that happened to decode). */
export function checkDecoded(decoded: DecodedText): DecodedText {
  if (controlCharacterShare(decoded.text) > 0.01) refuse('not a text file (binary content)');
  return decoded;
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not valid UTF-8 text although it starts with a UTF-8 byte-order mark');
  }
}
