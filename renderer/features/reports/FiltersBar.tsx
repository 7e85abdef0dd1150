import {
  ALL_OPS,
  AttributeConditions,
  useDocumentAttributeValues,
  fromScoped,
  scopedChoices,
  toScoped,
} from '../../components/AttributeConditions';
import { CheckList } from '../../components/CheckList';
import { useReports } from './useReports';

/** The reports schema's limit on attribute conditions. */
const MAX_ATTRIBUTES = 50;

/** Nothing ticked is no filter at all, which the API spells as an absent field. */
const orNone = (values: number[]) => (values.length > 0 ? values : undefined);
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
      <CheckList
        label="Codes"
        options={options.codes.map((c) => ({ value: c.codeId, label: c.name, depth: c.depth }))}
        selected={filters.codeIds ?? []}
        onChange={(values) => setFilters({ codeIds: orNone(values) })}
      />
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
      <CheckList
        label="Document groups"
        options={options.documentGroups.map((g) => ({
          value: g.id,
          label: `${g.name} (${g.documentCount})`,
        }))}
        selected={filters.documentGroupIds ?? []}
        onChange={(values) => setFilters({ documentGroupIds: orNone(values) })}
      />
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
      <CheckList
        label="Participant category"
        options={options.categories.map((c) => ({ value: c.id, label: c.name }))}
        selected={filters.participantCategoryIds ?? []}
        onChange={(values) => setFilters({ participantCategoryIds: orNone(values) })}
      />
      <CheckList
        label="Wave"
        options={options.waves.map((w) => ({ value: w, label: w === 0 ? '0 (seeds)' : String(w) }))}
        selected={filters.waves ?? []}
        onChange={(values) => setFilters({ waves: orNone(values) })}
      />
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
