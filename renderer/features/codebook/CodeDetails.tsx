import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Code } from '../../../shared/api/coding';
import {
  formatDescription,
  parseDescription,
  type DescriptionParts,
} from '../../../shared/coding/description';
import { codePath, descendantIds } from '../../../shared/coding/tree';
import { RetrievedSegments } from './RetrievedSegments';
import { selectCodes, useCodebook } from './useCodebook';

const PARTS: [keyof DescriptionParts, string][] = [
  ['definition', 'Definition'],
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
];

function DescriptionEditor({ code }: { code: Code }) {
  const [parts, setParts] = useState(() => parseDescription(code.description));
  const text = formatDescription(parts);
  const dirty = text !== formatDescription(parseDescription(code.description));
  return (
    <form
      className="codebook-description"
      aria-label="Description"
      onSubmit={(e) => {
        e.preventDefault();
        void useCodebook.getState().update(code.id, { description: text });
      }}
    >
      {PARTS.map(([key, label]) => (
        <label key={key}>
          {label}
          <textarea
            rows={key === 'definition' ? 3 : 2}
            value={parts[key]}
            onChange={(e) => setParts({ ...parts, [key]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit" disabled={!dirty}>
        Save description
      </button>
    </form>
  );
}

function GroupMembership({ code }: { code: Code }) {
  const groups = useCodebook(useShallow((s) => s.groupIds.map((id) => s.groupsById[id]!)));
  if (groups.length === 0) return <p className="muted">No code groups yet.</p>;
  return (
    <fieldset className="codebook-groups-of">
      <legend>Code groups</legend>
      {groups.map((g) => (
        <label key={g.id}>
          <input
            type="checkbox"
            checked={g.codeIds.includes(code.id)}
            onChange={(e) =>
              void useCodebook
                .getState()
                .setGroupMembers(
                  g.id,
                  e.target.checked ? [...g.codeIds, code.id] : g.codeIds.filter((id) => id !== code.id),
                )
            }
          />
          {g.name}
        </label>
      ))}
    </fieldset>
  );
}

function MergeInto({ code }: { code: Code }) {
  const codes = useCodebook(useShallow(selectCodes));
  const [target, setTarget] = useState('');
  const options = useMemo(() => {
    const inside = new Set(descendantIds(codes, code.id));
    return codes
      .filter((c) => !inside.has(c.id))
      .map((c) => ({ id: c.id, path: codePath(codes, c.id) }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }, [codes, code.id]);
  return (
    <form
      className="codebook-merge"
      aria-label="Merge"
      onSubmit={(e) => {
        e.preventDefault();
        if (target) void useCodebook.getState().merge(code.id, Number(target));
      }}
    >
      <label>
        Merge into
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">choose a code…</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.path}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!target}>
        Merge
      </button>
    </form>
  );
}

/** Everything about one code: name, colour, shortcut, description, groups, merge, delete, its segments. */
export function CodeDetails({
  codeId,
  onRequestDelete,
}: {
  codeId: number;
  onRequestDelete(id: number): void;
}) {
  const code = useCodebook((s) => s.byId[codeId]);
  const path = useCodebook((s) => (s.byId[codeId] ? codePath(selectCodes(s), codeId) : ''));
  if (!code) return null;
  return (
    <section className="codebook-details" aria-label={`Code ${code.name}`}>
      <header>
        <h3>{path}</h3>
        <span className="muted">
          {code.segmentCount} segments in {code.documentCount} documents
        </span>
      </header>
      <div className="codebook-fields">
        <label>
          Name
          <input
            key={`name-${code.id}-${code.name}`}
            defaultValue={code.name}
            maxLength={200}
            onBlur={(e) => {
              const name = e.target.value.trim();
              if (name && name !== code.name) void useCodebook.getState().update(code.id, { name });
            }}
          />
        </label>
        <label>
          Colour
          <input
            type="color"
            value={code.color.toLowerCase()}
            onChange={(e) => void useCodebook.getState().update(code.id, { color: e.target.value })}
          />
        </label>
        <label>
          Shortcut key
          <input
            key={`key-${code.id}-${code.shortcut ?? ''}`}
            className="codebook-shortcut"
            defaultValue={code.shortcut ?? ''}
            maxLength={20}
            placeholder="none"
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
            onBlur={(e) => {
              const input = e.currentTarget;
              const shortcut = input.value.trim() || null;
              if (shortcut === code.shortcut) return;
              void useCodebook
                .getState()
                .update(code.id, { shortcut })
                .then((saved) => {
                  // Refused (the toast says why): the field shows the key the code really has.
                  if (!saved) input.value = code.shortcut ?? '';
                });
            }}
          />
        </label>
        <label title="Off: a heading that groups its sub-codes and is never applied itself">
          <input
            type="checkbox"
            checked={code.codable !== false}
            onChange={(e) => void useCodebook.getState().update(code.id, { codable: e.target.checked })}
          />
          Can be applied
        </label>
      </div>
      <DescriptionEditor key={`${code.id}-${code.description}`} code={code} />
      <GroupMembership code={code} />
      <div className="codebook-actions">
        <MergeInto key={code.id} code={code} />
        <button type="button" className="danger" onClick={() => onRequestDelete(code.id)}>
          Delete code…
        </button>
      </div>
      <RetrievedSegments codeId={code.id} />
    </section>
  );
}
