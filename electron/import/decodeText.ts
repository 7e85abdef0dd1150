import chardet from 'chardet';
import iconv from 'iconv-lite';
import { checkDecoded, decodeUnicode, type DecodedText } from './decodeUnicode';
import { refuse } from './importError';

export type { DecodedText };

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

/**
 * Bytes of a .txt/.md file to a string: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is
 * UTF-8; otherwise chardet's guess among legacy code pages, decoded with iconv-lite. Binary content
 * (NUL bytes, control characters) is refused rather than imported as garbage.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  return checkDecoded(decodeUnicode(bytes) ?? decodeLegacy(bytes));
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const guess = chardet.detect(bytes.subarray(0, 256 * 1024));
  // chardet calls short mostly-ASCII text "ASCII" even when it has a byte like 0xE9 (é): that is
  // Windows-1252, the legacy code page of most researchers' old files.
  const encoding =
    guess === null || guess === 'ASCII' || guess === 'UTF-8' ? 'windows-1252' : LEGACY.get(guess);
  if (!encoding) refuse(`not a text file (unrecognised encoding${guess ? ` ${guess}` : ''})`);
  return { text: iconv.decode(Buffer.from(bytes), encoding!), encoding: encoding! };
}
