import { CheckList } from '../../components/CheckList';
import { FilterFields } from './FilterFields';
import { useExport } from './useExport';

type Unit = 'documents' | 'segments';

/**
 * The co-occurrence table's settings, as the Reports tab's co-occurrence report has them: its unit, and
 * optionally its own rows, columns and filters (a table of the NGO documents beside interview evidence).
 */
function CooccurrenceSettings() {
  const choices = useExport((s) => s.choices);
  const unit = useExport((s) => s.cooccurrenceUnit);
  const own = useExport((s) => s.cooccurrenceOwn);
  const choice = useExport((s) => s.cooccurrence);
  const patch = useExport((s) => s.patch);
  const setChoice = useExport((s) => s.setCooccurrence);
  const codes = (choices?.codes ?? []).map((c) => ({
    value: c.codeId,
    label: c.path.join(' / '),
    depth: c.depth,
  }));
  return (
    <fieldset className="export-part-settings" aria-label="Co-occurrence table">
      <legend>Co-occurrence table</legend>
      <label>
        Count{' '}
        <select value={unit} onChange={(e) => patch({ cooccurrenceUnit: e.target.value as Unit })}>
          <option value="documents">documents</option>
          <option value="segments">overlapping segments</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={own} onChange={(e) => patch({ cooccurrenceOwn: e.target.checked })} />{' '}
        Its own rows, columns and filters
      </label>
      {!own && (
        <p className="muted">Columns: the chosen codes; rows: the chosen code groups; the filters above.</p>
      )}
      {own && (
        <>
          <CheckList
            label="Rows: codes"
            none={choice.rowCodeGroupIds.length > 0 ? "the groups' codes" : 'every code'}
            options={codes}
            selected={choice.rowCodeIds}
            onChange={(rowCodeIds) => setChoice({ rowCodeIds })}
          />
          <CheckList
            label="Rows by code group"
            none="one block"
            options={(choices?.codeGroups ?? []).map((g) => ({ value: g.id, label: g.name }))}
            selected={choice.rowCodeGroupIds}
            onChange={(rowCodeGroupIds) => setChoice({ rowCodeGroupIds })}
          />
          <CheckList
            label="Columns"
            none="the row codes"
            options={codes}
            selected={choice.columnCodeIds}
            onChange={(columnCodeIds) => setChoice({ columnCodeIds })}
          />
          <label>
            <input
              type="checkbox"
              checked={choice.coefficient}
              onChange={(e) => setChoice({ coefficient: e.target.checked })}
            />{' '}
            c-coefficient
          </label>
          <FilterFields
            legend="Co-occurrence filters"
            filters={choice.filters}
            setFilters={(filters) => setChoice({ filters })}
          />
        </>
      )}
    </fieldset>
  );
}

function MatrixSettings() {
  const attributes = useExport((s) => s.choices?.attributes ?? []);
  const matrixBy = useExport((s) => s.matrixBy);
  const patch = useExport((s) => s.patch);
  return (
    <fieldset className="export-part-settings" aria-label="Code matrix">
      <legend>Code matrix</legend>
      <label>
        Columns{' '}
        <select value={matrixBy} onChange={(e) => patch({ matrixBy: e.target.value })}>
          <option value="groups">document groups</option>
          <option value="categories">participant categories</option>
          <option value="documents">documents</option>
          {attributes.map((a) => (
            <option key={`${a.scope}:${a.name}`} value={`attribute:${a.name}`}>
              attribute: {a.name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function TimelineSettings() {
  const unit = useExport((s) => s.timelineUnit);
  const patch = useExport((s) => s.patch);
  return (
    <fieldset className="export-part-settings" aria-label="Counts over time">
      <legend>Counts over time</legend>
      <label>
        Count{' '}
        <select value={unit} onChange={(e) => patch({ timelineUnit: e.target.value as Unit })}>
          <option value="segments">segments</option>
          <option value="documents">documents</option>
        </select>
      </label>
    </fieldset>
  );
}

/** Each table part's own settings, shown while the part is chosen. */
export function PartSettings() {
  const enabled = useExport((s) => s.enabled);
  return (
    <>
      {enabled.cooccurrence && <CooccurrenceSettings />}
      {enabled.matrix && <MatrixSettings />}
      {enabled.timeline && <TimelineSettings />}
    </>
  );
}
