import { useEffect } from 'react';
import { findHits } from '../../../shared/search/hits';
import { parseQuery } from '../../../shared/search/query';
import { useSelection } from '../../app/useSelection';
import { revealRange } from './actions';
import { useReader } from './useReader';
import { useReaderSearch } from './useReaderSearch';

/**
 * Highlights the current search's hits in the open document, with next/previous (F3 / Shift+F3).
 * Hits are found with the search feature's own matcher over the text already loaded, so they are
 * exactly what the full-text index matched, without another round trip.
 */
export function SearchHitsBar() {
  const query = useSelection((s) => s.searchQuery);
  const text = useReader((s) => s.text);
  const rows = useReader((s) => s.rows);
  const count = useReaderSearch((s) => s.hits.length);
  const current = useReaderSearch((s) => s.current);

  useEffect(() => {
    const search = useReaderSearch.getState();
    const parsed = query ? parseQuery(query) : null;
    if (!parsed || !parsed.ok || parsed.terms.length === 0) {
      search.clear();
      return;
    }
    search.setHits(rows, findHits(text, parsed.terms));
  }, [query, text, rows]);

  if (!query) return null;
  const step = (delta: 1 | -1) => {
    const hit = useReaderSearch.getState().step(delta);
    if (hit) revealRange(hit);
  };
  return (
    <div className="reader-hits" role="group" aria-label="Search hits">
      <span>
        “{query}”:{' '}
        {count === 0 ? 'no hits here' : current >= 0 ? `${current + 1} of ${count}` : `${count} hits`}
      </span>
      <button
        type="button"
        disabled={count === 0}
        aria-label="Previous hit"
        title="Previous hit (Shift+F3)"
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={count === 0}
        aria-label="Next hit"
        title="Next hit (F3)"
        onClick={() => step(1)}
      >
        ↓
      </button>
      <button
        type="button"
        aria-label="Clear search"
        onClick={() => useSelection.getState().setSearchQuery(null)}
      >
        ×
      </button>
    </div>
  );
}
