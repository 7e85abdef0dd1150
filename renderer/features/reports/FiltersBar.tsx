import type { ChangeEvent } from 'react';
import {
  ALL_OPS,
  AttributeConditions,
  useDocumentAttributeValues,
  fromScoped,
  scopedChoices,
  toScoped,
} from '../../components/AttributeConditions';
import { useReports } from './useReports';

/** The reports schema's limit on attribute conditions. */
const MAX_ATTRIBUTES = 50;

const selected = (e: ChangeEvent<HTMLSelectElement>) =>
  [...e.target.selectedOptions].map((o) => Number(o.value));
// Only whole years reach the backend, so typing "20…" does not report an error per keystroke.
const maybeYear = (value: string) => (/^\d{4}$/.test(value) ? Number(value) : undefined);

/** The filters every report takes. */
export function FiltersBar() {
  const options = useReports((s) => s.options);
  const filters = useReports((s) => s.filters);
  const setFilters = useReports((s) => s.setFilters);
  const values = useDocumentAttributeValues();
  if (!options) return null;
  const choices = scopedChoices(options.attributes, values);
  const conditions = (filters.attributes ?? []).map(fromScoped);
  return (
    <form className="report-filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Codes
        <select
          multiple
          value={(filters.codeIds ?? []).map(String)}
          onChange={(e) => setFilters({ codeIds: selected(e).length ? selected(e) : undefined })}
        >
          {options.codes.map((c) => (
            <option key={c.codeId} value={c.codeId}>
              {'  '.repeat(c.depth)}
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Code group
        <select
          value={filters.codeGroupId ?? ''}
          onChange={(e) => setFilters({ codeGroupId: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">any</option>
          {options.codeGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Subtree
        <select
          value={filters.codeSubtreeId ?? ''}
          onChange={(e) => setFilters({ codeSubtreeId: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">none</option>
          {options.codes.map((c) => (
            <option key={c.codeId} value={c.codeId}>
              {c.path.join(' / ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Document groups
        <select
          multiple
          value={(filters.documentGroupIds ?? []).map(String)}
          onChange={(e) => setFilters({ documentGroupIds: selected(e).length ? selected(e) : undefined })}
        >
          {options.documentGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name} ({g.documentCount})
            </option>
          ))}
        </select>
      </label>
      <label>
        Kind
        <select
          value={filters.kind ?? ''}
          onChange={(e) =>
            setFilters({
              kind:
                e.target.value === 'interview' || e.target.value === 'document' ? e.target.value : undefined,
            })
          }
        >
          <option value="">all</option>
          <option value="interview">interviews</option>
          <option value="document">documents</option>
        </select>
      </label>
      <label>
        Participant category
        <select
          multiple
          value={(filters.participantCategoryIds ?? []).map(String)}
          onChange={(e) =>
            setFilters({ participantCategoryIds: selected(e).length ? selected(e) : undefined })
          }
        >
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Wave
        <select
          multiple
          value={(filters.waves ?? []).map(String)}
          onChange={(e) => setFilters({ waves: selected(e).length ? selected(e) : undefined })}
        >
          {options.waves.map((w) => (
            <option key={w} value={w}>
              {w === 0 ? '0 (seeds)' : w}
            </option>
          ))}
        </select>
      </label>
      <AttributeConditions
        legend="Attributes"
        choices={choices}
        conditions={conditions}
        onChange={(next) => setFilters({ attributes: next.length > 0 ? next.map(toScoped) : undefined })}
        ops={ALL_OPS}
        max={MAX_ATTRIBUTES}
      />
      <label>
        From year
        <input
          type="number"
          value={filters.yearFrom ?? ''}
          placeholder={options.years ? String(options.years.first) : ''}
          onChange={(e) => setFilters({ yearFrom: maybeYear(e.target.value) })}
        />
      </label>
      <label>
        To year
        <input
          type="number"
          value={filters.yearTo ?? ''}
          placeholder={options.years ? String(options.years.last) : ''}
          onChange={(e) => setFilters({ yearTo: maybeYear(e.target.value) })}
        />
      </label>
      <label>
        Coder
        <select
          value={filters.coder ?? ''}
          onChange={(e) => setFilters({ coder: e.target.value || undefined })}
        >
          <option value="">all</option>
          {options.coders.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="report-check">
        <input
          type="checkbox"
          checked={filters.excludeWithdrawn ?? true}
          onChange={(e) => setFilters({ excludeWithdrawn: e.target.checked })}
        />
        Exclude withdrawn participants
      </label>
    </form>
  );
}
