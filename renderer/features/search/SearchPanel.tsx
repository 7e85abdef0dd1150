import { useState } from 'react';
import type { SearchFilters } from '../../../shared/api/search';
import { AutocodeDialog } from './AutocodeDialog';
import { SaveAsGroup } from './SaveAsGroup';
import { SearchFiltersBar } from './SearchFiltersBar';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';

/** Full-text search of the corpus: query, filters, results; save them as a group or auto-code them. */
export function SearchPanel() {
  const searched = useSearch((s) => s.query);
  const [draft, setDraft] = useState(searched);
  const filters = useSearch((s) => s.filters);
  const error = useSearch((s) => s.error);
  const total = useSearch((s) => s.total);
  const hasResults = useSearch((s) => s.ids.length > 0);
  const loading = useSearch((s) => s.loading);
  const stemming = useSearch((s) => s.stemming);
  const matching = useSearch((s) => s.matching);
  const [dialog, setDialog] = useState<'group' | 'autocode' | null>(null);
  const run = (f: SearchFilters = filters): void => {
    if (draft.trim()) void useSearch.getState().run(draft, f);
  };
  return (
    <section className="search-panel" aria-label="Search">
      <form
        role="search"
        aria-label="Search the corpus"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <input
          type="search"
          aria-label="Search query"
          placeholder='nato OR "civilian casualties", legitim*'
          value={draft}
          maxLength={1000}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Search</button>
        <label className="search-stemming" title="Also find other forms of a word: NGO finds NGOs">
          <input
            type="checkbox"
            checked={stemming}
            onChange={(e) => useSearch.getState().setStemming(e.target.checked)}
          />{' '}
          Word forms
        </label>
      </form>
      <p className="muted search-help">
        Words, &quot;phrases&quot;, prefix*, AND / OR / NOT, (parentheses). Case and accents are ignored.
      </p>
      <SearchFiltersBar
        filters={filters}
        onChange={(f) =>
          searched ? void useSearch.getState().run(searched, f) : useSearch.setState({ filters: f })
        }
      />
      {error && (
        <p role="alert" className="search-error">
          {error}
        </p>
      )}
      {!error && searched && !loading && (
        <p className="search-summary" aria-live="polite">
          {total} {total === 1 ? 'document' : 'documents'} (N = {total}) · {matching}
        </p>
      )}
      {!error && searched && total > 0 && (
        <div className="search-actions">
          <button type="button" onClick={() => setDialog('group')}>
            Save as group
          </button>
          <button type="button" onClick={() => setDialog('autocode')}>
            Auto-code hits…
          </button>
        </div>
      )}
      {dialog === 'group' && (
        <SaveAsGroup query={searched} filters={filters} total={total} onClose={() => setDialog(null)} />
      )}
      {dialog === 'autocode' && (
        <AutocodeDialog query={searched} filters={filters} onClose={() => setDialog(null)} />
      )}
      {hasResults && <SearchResults />}
    </section>
  );
}
