const MAY_CHANGE_UNDER_NFC = /[^\0-\u02ff]/;

/**
 * The one normalisation a document's text gets, once, at import: NFC (so "é" typed two ways is one
 * string and offsets agree with REFI-QDA tools) and "\n" line endings (CRLF, lone CR, U+2028/2029).
 * A leading byte-order mark and NUL characters are dropped; trailing whitespace of the whole text is
 * trimmed. Each step runs only when needed: importing a 13 MB corpus calls this on every file.
 */
export function normaliseText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // includes() is a memchr-speed scan; a regular expression for all four would be slower.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\0')) text = text.replace(/\0/g, '');
  if (text.includes('\u2028') || text.includes('\u2029')) text = text.replace(/[\u2028\u2029]/g, '\n');
  // Every code point below U+0300 is stable under NFC and composes with nothing before it (the first
  // combining mark is U+0300), so text without any such character is already NFC; V8 answers this
  // test without scanning for Latin-1 strings, and String.normalize would copy the whole text.
  if (MAY_CHANGE_UNDER_NFC.test(text)) text = text.normalize('NFC');
  let end = text.length;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** True when a text has nothing a researcher could read or code (only whitespace). */
export function isBlank(text: string): boolean {
  return !/\S/u.test(text);
}
