import { Parser } from 'htmlparser2';
import { flattenDeepNesting } from './flattenHtml';
import { TextBuilder } from './textBuilder';

// Elements whose content is never visible text. Nothing is fetched: no element's src/href is followed.
const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'button',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'figure',
  'figcaption',
  'address',
  'hr',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'body',
  'html',
]);

export interface HtmlExtract {
  text: string;
  title: string | null;
  author: string | null;
  date: string | null;
}

const DATE_META = new Set([
  'date',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'article:published_time',
  'citation_date',
]);

/**
 * Visible text of an HTML page: block elements become paragraphs, <br> a line break, table cells are
 * separated by tabs, scripts and styles are dropped. `dropFootnoteBacklinks` removes the "↑" links
 * mammoth writes after each footnote.
 */
export function htmlToText(html: string, options: { dropFootnoteBacklinks?: boolean } = {}): HtmlExtract {
  const out = new TextBuilder();
  const stack: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let hidden = 0;
  let skippedLink = 0;
  let pre = 0;
  let cells = 0;
  // A list item's number is written before its first text, so a <p> inside the <li> keeps it.
  let prefix = '';
  let inTitle = false;
  let title = '';
  let author: string | null = null;
  let date: string | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        stack.push(name);
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attributes.name ?? attributes.property ?? '').toLowerCase();
          const content = attributes.content?.trim();
          if (content && key === 'author') author ??= content;
          if (content && DATE_META.has(key)) date ??= content;
        }
        if (HIDDEN.has(name)) hidden++;
        if (hidden > 0) return;
        if (
          name === 'a' &&
          options.dropFootnoteBacklinks &&
          /^#(foot|end)note-ref/.test(attributes.href ?? '')
        )
          skippedLink++;
        if (name === 'pre') pre++;
        if (name === 'td' || name === 'th') cells++;
        if (name === 'br') out.lineBreak();
        else if (BLOCK.has(name) && cells > 0) out.text(' ');
        else if (BLOCK.has(name)) out.paragraphBreak();
        if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', next: 1 });
        if (name === 'li') {
          const list = lists.at(-1);
          if (list?.ordered) prefix = `${list.next++}. `;
          else if (list) prefix = '• ';
        }
      },
      ontext(value) {
        if (inTitle) title += value;
        if (hidden > 0 || skippedLink > 0) return;
        if (prefix !== '' && /\S/.test(value)) {
          out.raw(prefix);
          prefix = '';
        }
        if (pre > 0) {
          const lines = value.split('\n');
          lines.forEach((line, i) => {
            if (i > 0) out.lineBreak();
            out.raw(line);
          });
        } else out.text(value);
      },
      onclosetag(name) {
        // Pop to the matching tag; htmlparser2 already closes implied tags, this guards the counters.
        const index = stack.lastIndexOf(name);
        if (index >= 0) stack.length = index;
        if (name === 'title') inTitle = false;
        if (HIDDEN.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0) return;
        if (name === 'a' && skippedLink > 0) skippedLink--;
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (name === 'td' || name === 'th') {
          cells = Math.max(0, cells - 1);
          out.raw('\t');
        }
        if (name === 'ul' || name === 'ol') lists.pop();
        if (BLOCK.has(name) && cells > 0) out.text(' ');
        else if (BLOCK.has(name)) out.paragraphBreak();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(flattenDeepNesting(html));
  parser.end();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { text: out.finish(), title: cleanTitle || null, author, date };
}
