/**
 * The one normalisation a document's text gets, once, at import: NFC (so "é" typed two ways is one
 * string and offsets agree with REFI-QDA tools) and "\n" line endings (CRLF and lone CR). A leading
 * byte-order mark and NUL characters are dropped; trailing whitespace of the whole text is trimmed.
 */
export function normaliseText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n').replace(/\0/g, '');
  // Line and paragraph separators are line endings in every editor researchers use.
  text = text.replace(/[\u2028\u2029]/g, '\n');
  return text.normalize('NFC').replace(/\s+$/u, '');
}

/** True when a text has nothing a researcher could read or code (only whitespace). */
export function isBlank(text: string): boolean {
  return !/\S/u.test(text);
}
