/** Deeper nesting than this is flattened before parsing; real pages stay far below it. */
export const MAX_HTML_DEPTH = 500;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Closed implicitly by the next sibling, so an unclosed run of them is not nesting.
const IMPLIED = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);
// Never dropped: their content must stay hidden. Their content is skipped, not scanned for tags.
const RAW = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template', 'svg', 'math']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>/g;

/**
 * htmlparser2 keeps its open elements in an array it shifts and unshifts, so each tag costs time
 * proportional to the depth: 200,000 nested <div>s take minutes. Tags nested deeper than
 * MAX_HTML_DEPTH are replaced by a space (their text is kept), which bounds the parser's work and
 * never changes a normal page. One linear pass, no recursion.
 */
export function flattenDeepNesting(html: string): string {
  let depth = 0;
  let flattened = false;
  const pieces: string[] = [];
  let copiedTo = 0;
  let lower: string | undefined;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    if (RAW.has(name)) {
      if (!closing) {
        lower ??= html.toLowerCase();
        const end = lower.indexOf(`</${name}`, TAG.lastIndex);
        TAG.lastIndex = end < 0 ? html.length : end;
      }
      continue;
    }
    if (VOID.has(name) || IMPLIED.has(name) || match[0].endsWith('/>')) continue;
    const deep = closing ? depth > MAX_HTML_DEPTH : depth + 1 > MAX_HTML_DEPTH;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (!deep) continue;
    flattened = true;
    pieces.push(html.slice(copiedTo, match.index), ' ');
    copiedTo = match.index + match[0].length;
  }
  if (!flattened) return html;
  pieces.push(html.slice(copiedTo));
  return pieces.join('');
}
