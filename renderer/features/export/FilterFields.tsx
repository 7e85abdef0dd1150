import type { ExportFilters } from '../../../shared/api/export';
import {
  ALL_OPS,
  AttributeConditions,
  useDocumentAttributeValues,
  fromScoped,
  scopedChoices,
  toScoped,
} from '../../components/AttributeConditions';
import { useExport } from './useExport';

/** The export schema's limit on attribute conditions. */
const MAX_ATTRIBUTES = 50;

const toggled = (list: number[] | undefined, id: number) => {
  const next = (list ?? []).includes(id) ? (list ?? []).filter((x) => x !== id) : [...(list ?? []), id];
  return next.length > 0 ? next : undefined;
};

function year(value: string): number | undefined {
  return /^\d{4}$/.test(value) ? Number(value) : undefined;
}

/**
 * The report filters: which documents and segments the export counts and quotes, or (with its own
 * legend) which ones the co-occurrence table counts.
 */
export function FilterFields({
  legend,
  filters,
  setFilters,
}: {
  legend: string;
  filters: ExportFilters;
  setFilters: (filters: ExportFilters) => void;
}) {
  const choices = useExport((s) => s.choices);
  const values = useDocumentAttributeValues();
  if (!choices) return null;
  const update = (change: Partial<ExportFilters>) => {
    const next: ExportFilters = { ...filters, ...change };
    for (const key of Object.keys(next) as (keyof ExportFilters)[])
      if (next[key] === undefined) delete next[key];
    setFilters(next);
  };
  return (
    <fieldset className="export-filters" aria-label={legend}>
      <legend>{legend}</legend>
      {choices.documentGroups.length > 0 && (
        <div role="group" aria-label="Document groups">
          <span className="muted">Document groups</span>
          {choices.documentGroups.map((g) => (
            <label key={g.id}>
              <input
                type="checkbox"
                checked={(filters.documentGroupIds ?? []).includes(g.id)}
                onChange={() => update({ documentGroupIds: toggled(filters.documentGroupIds, g.id) })}
              />{' '}
              {g.name}
            </label>
          ))}
        </div>
      )}
      <label>
        Kind{' '}
        <select
          value={filters.kind ?? ''}
          onChange={(e) => update({ kind: (e.target.value || undefined) as ExportFilters['kind'] })}
        >
          <option value="">Interviews and documents</option>
          <option value="interview">Interviews</option>
          <option value="document">Documents</option>
        </select>
      </label>
      {choices.categories.length > 0 && (
        <div role="group" aria-label="Participant categories">
          <span className="muted">Participant categories</span>
          {choices.categories.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={(filters.participantCategoryIds ?? []).includes(c.id)}
                onChange={() =>
                  update({ participantCategoryIds: toggled(filters.participantCategoryIds, c.id) })
                }
              />{' '}
              {c.name}
            </label>
          ))}
        </div>
      )}
      {choices.waves.length > 0 && (
        <div role="group" aria-label="Waves">
          <span className="muted">Waves</span>
          {choices.waves.map((w) => (
            <label key={w}>
              <input
                type="checkbox"
                checked={(filters.waves ?? []).includes(w)}
                onChange={() => update({ waves: toggled(filters.waves, w) })}
              />{' '}
              {w === 0 ? 'Wave 0 (seeds)' : `Wave ${w}`}
            </label>
          ))}
        </div>
      )}
      <AttributeConditions
        legend="Attributes"
        choices={scopedChoices(choices.attributes, values)}
        conditions={(filters.attributes ?? []).map(fromScoped)}
        onChange={(next) => update({ attributes: next.length > 0 ? next.map(toScoped) : undefined })}
        ops={ALL_OPS}
        max={MAX_ATTRIBUTES}
      />
      <label>
        Coder{' '}
        <select value={filters.coder ?? ''} onChange={(e) => update({ coder: e.target.value || undefined })}>
          <option value="">All coders</option>
          {choices.coders.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        From year{' '}
        <input
          inputMode="numeric"
          size={5}
          defaultValue={filters.yearFrom ?? ''}
          onChange={(e) => update({ yearFrom: year(e.target.value) })}
        />
      </label>
      <label>
        to{' '}
        <input
          inputMode="numeric"
          size={5}
          defaultValue={filters.yearTo ?? ''}
          onChange={(e) => update({ yearTo: year(e.target.value) })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={filters.excludeWithdrawn === false}
          onChange={(e) => update({ excludeWithdrawn: e.target.checked ? false : undefined })}
        />{' '}
        Include withdrawn participants
      </label>
    </fieldset>
  );
}
