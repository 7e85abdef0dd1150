import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { refuse } from './importError';

// Encodings chardet may name that are plausible for a researcher's .txt; anything else (EBCDIC,
// exotic code pages guessed from random bytes) is more likely a binary file than text.
const LEGACY = new Map<string, string>([
  ['ISO-8859-1', 'windows-1252'],
  ['windows-1252', 'windows-1252'],
  ['ISO-8859-2', 'iso-8859-2'],
  ['windows-1250', 'windows-1250'],
  ['ISO-8859-15', 'iso-8859-15'],
  ['windows-1251', 'windows-1251'],
  ['ISO-8859-5', 'iso-8859-5'],
  ['KOI8-R', 'koi8-r'],
  ['ISO-8859-7', 'iso-8859-7'],
  ['windows-1253', 'windows-1253'],
  ['ISO-8859-9', 'iso-8859-9'],
  ['windows-1254', 'windows-1254'],
  ['ISO-8859-6', 'iso-8859-6'],
  ['windows-1256', 'windows-1256'],
  ['ISO-8859-8', 'iso-8859-8'],
  ['windows-1255', 'windows-1255'],
  ['Shift_JIS', 'shift_jis'],
  ['EUC-JP', 'euc-jp'],
  ['EUC-KR', 'euc-kr'],
  ['GB18030', 'gb18030'],
  ['Big5', 'big5'],
]);

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
 * Bytes of a .txt/.md file to a string: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is
 * UTF-8; otherwise chardet's guess among legacy code pages, decoded with iconv-lite. Binary content
 * (NUL bytes, control characters) is refused rather than imported as garbage.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeBytes(bytes);
  if (controlCharacterShare(decoded.text) > 0.01) refuse('not a text file (binary content)');
  return decoded;
}

function controlCharacterShare(text: string): number {
  const n = Math.min(text.length, 8 * 1024);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Tab, newline, form feed and carriage return are text; U+FFFD marks bytes that decoded to nothing.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  return control / n;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
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
  const guess = chardet.detect(bytes.subarray(0, 256 * 1024));
  // chardet calls short mostly-ASCII text "ASCII" even when it has a byte like 0xE9 (é): that is
  // Windows-1252, the legacy code page of most researchers' old files.
  const encoding =
    guess === null || guess === 'ASCII' || guess === 'UTF-8' ? 'windows-1252' : LEGACY.get(guess);
  if (!encoding) refuse(`not a text file (unrecognised encoding${guess ? ` ${guess}` : ''})`);
  return { text: iconv.decode(Buffer.from(bytes), encoding!), encoding: encoding! };
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not valid UTF-8 text although it starts with a UTF-8 byte-order mark');
  }
}
