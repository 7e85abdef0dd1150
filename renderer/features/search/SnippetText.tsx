import type { Snippet } from '../../../shared/api/search';

/** A snippet with its hits marked; text only, never HTML from the backend. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.highlights.forEach((h, i) => {
    if (h.start > at) parts.push(snippet.text.slice(at, h.start));
    parts.push(<mark key={i}>{snippet.text.slice(h.start, h.end)}</mark>);
    at = h.end;
  });
  parts.push(snippet.text.slice(at));
  return (
    <span className="search-snippet">
      {snippet.cutStart && '…'}
      {parts}
      {snippet.cutEnd && '…'}
    </span>
  );
}
