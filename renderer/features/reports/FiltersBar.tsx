import type { ChangeEvent } from 'react';
import type { AttributeCondition } from '../../../shared/reports/model';
import { useReports } from './useReports';

const selected = (e: ChangeEvent<HTMLSelectElement>) =>
  [...e.target.selectedOptions].map((o) => Number(o.value));
// Only whole years reach the backend, so typing "20…" does not report an error per keystroke.
const maybeYear = (value: string) => (/^\d{4}$/.test(value) ? Number(value) : undefined);

/** The filters every report takes. */
export function FiltersBar() {
  const options = useReports((s) => s.options);
  const filters = useReports((s) => s.filters);
  const setFilters = useReports((s) => s.setFilters);
  if (!options) return null;
  const attribute = filters.attributes?.[0];
  const setAttribute = (patch: Partial<AttributeCondition>) => {
    const next = {
      scope: 'document' as const,
      name: '',
      op: 'eq' as const,
      value: '',
      ...attribute,
      ...patch,
    };
    setFilters({ attributes: next.name ? [next] : undefined });
  };
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
      <fieldset>
        <legend>Attribute</legend>
        <select
          aria-label="Attribute name"
          value={attribute ? `${attribute.scope}:${attribute.name}` : ''}
          onChange={(e) => {
            const [scope, ...rest] = e.target.value.split(':');
            setAttribute({
              scope: scope === 'participant' ? 'participant' : 'document',
              name: rest.join(':'),
            });
          }}
        >
          <option value="">none</option>
          {options.attributes.map((a) => (
            <option key={`${a.scope}:${a.name}`} value={`${a.scope}:${a.name}`}>
              {a.scope === 'participant' ? 'participant: ' : ''}
              {a.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Attribute comparison"
          value={attribute?.op ?? 'eq'}
          onChange={(e) => setAttribute({ op: e.target.value as AttributeCondition['op'] })}
        >
          {(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains'] as const).map((op) => (
            <option key={op} value={op}>
              {{ eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥', contains: 'contains' }[op]}
            </option>
          ))}
        </select>
        <input
          aria-label="Attribute value"
          value={attribute?.value ?? ''}
          onChange={(e) => setAttribute({ value: e.target.value })}
        />
      </fieldset>
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
