import type { MatrixBy } from '../../../shared/reports/model';
import { CheckList } from '../../components/CheckList';
import { useReports } from './useReports';

/** The options of the report on show: unit, c, columns, rows by code group, matrix columns, chart kind, sort. */
export function ReportSettingsBar() {
  const tab = useReports((s) => s.tab);
  const s = useReports((st) => st.settings);
  const set = useReports((st) => st.setSettings);
  const options = useReports((st) => st.options);
  if (tab === 'evidence')
    return (
      <div className="report-settings">
        <label>
          Sort by
          <select value={s.sort} onChange={(e) => set({ sort: e.target.value as typeof s.sort })}>
            <option value="document">document</option>
            <option value="date">date</option>
            <option value="label">label</option>
          </select>
        </label>
      </div>
    );
  if (tab === 'cooccurrence')
    return (
      <div className="report-settings">
        <label>
          Count
          <select value={s.unit} onChange={(e) => set({ unit: e.target.value as typeof s.unit })}>
            <option value="documents">documents</option>
            <option value="segments">overlapping segments</option>
          </select>
        </label>
        <label className="report-check">
          <input
            type="checkbox"
            checked={s.coefficient}
            onChange={(e) => set({ coefficient: e.target.checked })}
          />
          c-coefficient
        </label>
        <CheckList
          label="Columns"
          none="the row codes"
          options={(options?.codes ?? []).map((c) => ({ value: c.codeId, label: c.path.join(' / ') }))}
          selected={s.columnCodeIds}
          onChange={(values) => set({ columnCodeIds: values })}
        />
        <CheckList
          label="Rows by code group"
          none="one block"
          options={(options?.codeGroups ?? []).map((g) => ({ value: g.id, label: g.name }))}
          selected={s.rowCodeGroupIds}
          onChange={(values) => set({ rowCodeGroupIds: values })}
        />
      </div>
    );
  if (tab === 'matrix')
    return (
      <div className="report-settings">
        <label>
          Columns
          <select value={s.matrixBy} onChange={(e) => set({ matrixBy: e.target.value as MatrixBy })}>
            <option value="groups">document groups</option>
            <option value="categories">participant categories</option>
            <option value="documents">documents</option>
            {options?.attributes.map((a) => (
              <option key={`${a.scope}:${a.name}`} value={`attribute:${a.name}`}>
                attribute: {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Count
          <select
            value={s.matrixUnit}
            onChange={(e) => set({ matrixUnit: e.target.value as typeof s.matrixUnit })}
          >
            <option value="segments">segments</option>
            <option value="documents">documents</option>
          </select>
        </label>
        <label>
          Percent
          <select value={s.percent} onChange={(e) => set({ percent: e.target.value as typeof s.percent })}>
            <option value="none">none</option>
            <option value="row">of row</option>
            <option value="column">of column</option>
          </select>
        </label>
      </div>
    );
  if (tab === 'timeline')
    return (
      <div className="report-settings">
        <label>
          Count
          <select
            value={s.timelineUnit}
            onChange={(e) => set({ timelineUnit: e.target.value as typeof s.timelineUnit })}
          >
            <option value="documents">documents</option>
            <option value="segments">segments</option>
          </select>
        </label>
        <label>
          Series
          <select
            value={s.timelineBy}
            onChange={(e) => set({ timelineBy: e.target.value as typeof s.timelineBy })}
          >
            <option value="overall">overall</option>
            <option value="codes">per code</option>
            <option value="documentGroups">per document group</option>
            <option value="codeGroup">stacked per code of the code group filter</option>
          </select>
        </label>
        <label>
          Chart
          <select value={s.chart} onChange={(e) => set({ chart: e.target.value as typeof s.chart })}>
            <option value="bar">bars</option>
            <option value="line">lines</option>
          </select>
        </label>
      </div>
    );
  return null;
}
