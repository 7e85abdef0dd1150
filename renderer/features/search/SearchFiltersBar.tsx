import { useEffect, useState } from 'react';
import type { SearchFilterOptions, SearchFilters } from '../../../shared/api/search';
import { call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import {
  AttributeConditions,
  LISTED_VALUES_CAP,
  type AttributeChoice,
  type Condition,
} from '../../components/AttributeConditions';

/** The search schema's limit on attribute pairs. */
const MAX_ATTRIBUTES = 20;

const year = (v: string): number | undefined => (/^\d{4}$/.test(v) ? Number(v) : undefined);

/** Search filters: kind, group, year range and attribute values (every pair must hold). */
export function SearchFiltersBar({
  filters,
  onChange,
}: {
  filters: SearchFilters;
  onChange(f: SearchFilters): void;
}) {
  const [options, setOptions] = useState<SearchFilterOptions | null>(null);
  const groupsRevision = useRevision('groups');
  const documentsRevision = useRevision('documents');
  useEffect(() => {
    void call('search.filterOptions', {}).then((o) => o && setOptions(o));
  }, [groupsRevision, documentsRevision]);
  const choices: AttributeChoice[] = (options?.attributes ?? []).map((a) => ({
    key: a.name,
    label: a.name,
    values: a.values,
    partial: a.values.length >= LISTED_VALUES_CAP,
  }));
  const conditions: Condition[] = (filters.attributes ?? []).map((a) => ({
    key: a.name,
    op: 'eq',
    value: a.value,
  }));
  const setAttributes = (next: Condition[]): void => {
    const { attributes: _dropped, ...rest } = filters;
    onChange(
      next.length > 0 ? { ...rest, attributes: next.map((c) => ({ name: c.key, value: c.value })) } : rest,
    );
  };
  return (
    <fieldset className="search-filters">
      <legend className="muted">Filters</legend>
      <label>
        Kind{' '}
        <select
          value={filters.kind ?? ''}
          onChange={(e) =>
            onChange({ ...filters, kind: (e.target.value || undefined) as SearchFilters['kind'] })
          }
        >
          <option value="">all</option>
          <option value="document">documents</option>
          <option value="interview">interviews</option>
        </select>
      </label>
      <label>
        Group{' '}
        <select
          value={filters.groupId ?? ''}
          onChange={(e) =>
            onChange({ ...filters, groupId: e.target.value ? Number(e.target.value) : undefined })
          }
        >
          <option value="">any</option>
          {(options?.groups ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name} (N = {g.documentCount})
            </option>
          ))}
        </select>
      </label>
      <label>
        From{' '}
        <input
          aria-label="From year"
          size={4}
          defaultValue={filters.yearFrom ?? ''}
          onChange={(e) => onChange({ ...filters, yearFrom: year(e.target.value) })}
        />
      </label>
      <label>
        to{' '}
        <input
          aria-label="To year"
          size={4}
          defaultValue={filters.yearTo ?? ''}
          onChange={(e) => onChange({ ...filters, yearTo: year(e.target.value) })}
        />
      </label>
      <AttributeConditions
        legend="Attributes"
        choices={choices}
        conditions={conditions}
        onChange={setAttributes}
        max={MAX_ATTRIBUTES}
      />
    </fieldset>
  );
}
