import { useExport } from './useExport';

/** Code groups (a Heading 1 each) and single codes for the coded-evidence part. */
export function CodeChooser() {
  const choices = useExport((s) => s.choices);
  const codeIds = useExport((s) => s.codeIds);
  const groupIds = useExport((s) => s.codeGroupIds);
  const toggleCode = useExport((s) => s.toggleCode);
  const toggleGroup = useExport((s) => s.toggleGroup);
  if (!choices) return null;
  return (
    <fieldset className="export-codes">
      <legend>Codes</legend>
      {choices.codes.length === 0 && (
        <p className="muted">The codebook is empty: create and apply codes first.</p>
      )}
      {choices.codeGroups.length > 0 && (
        <div role="group" aria-label="Code groups">
          {choices.codeGroups.map((g) => (
            <label key={g.id}>
              <input type="checkbox" checked={groupIds.includes(g.id)} onChange={() => toggleGroup(g.id)} />{' '}
              {g.name} <span className="muted">({g.codeIds.length} codes)</span>
            </label>
          ))}
        </div>
      )}
      <div role="group" aria-label="Single codes" className="export-code-list">
        {choices.codes.map((c) => (
          <label key={c.codeId} style={{ paddingLeft: `${c.depth * 1.2}em` }}>
            <input
              type="checkbox"
              checked={codeIds.includes(c.codeId)}
              onChange={() => toggleCode(c.codeId)}
            />{' '}
            {c.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
