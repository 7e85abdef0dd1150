import { useState } from 'react';
import type { SearchFilters } from '../../../shared/api/search';
import { callOrError } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';
import { useSearch } from './useSearch';

/** Saves the current results as a document group that remembers the query. */
export function SaveAsGroup(props: {
  query: string;
  filters: SearchFilters;
  total: number;
  onClose(): void;
}) {
  const [name, setName] = useState(props.query.slice(0, 200));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <form
      className="search-dialog"
      aria-label="Save as group"
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await callOrError('documentGroups.createFromSearch', {
          name,
          query: props.query,
          stemming: useSearch.getState().stemming,
          filters: props.filters,
        });
        if (result.error) return setError(result.error.message);
        useRevisions.getState().bump('groups');
        setError(null);
        setSaved(`Saved group "${result.value!.name}" (N = ${result.value!.documentCount})`);
      }}
    >
      <label>
        Group name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <span className="muted">N = {props.total}</span>
      <button type="submit">Save group</button>
      <button type="button" onClick={props.onClose}>
        Close
      </button>
      {error && <p role="alert">{error}</p>}
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}
