import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCodebook } from './useCodebook';

/** Code groups: sets of codes beside the hierarchy. Membership is edited on each code's details. */
export function CodeGroupsPanel({ selectedCodeId }: { selectedCodeId: number | null }) {
  const groups = useCodebook(useShallow((s) => s.groupIds.map((id) => s.groupsById[id]!)));
  const names = useCodebook((s) => s.byId);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<number | null>(null);
  return (
    <section className="codebook-group-panel" aria-label="Code groups">
      <h3>Code groups</h3>
      <form
        aria-label="New code group"
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return;
          void useCodebook
            .getState()
            .createGroup(trimmed, selectedCodeId !== null ? [selectedCodeId] : [])
            .then((g) => g && setName(''));
        }}
      >
        <input
          aria-label="Code group name"
          placeholder="New group…"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">Add group</button>
      </form>
      {groups.length === 0 && <p className="muted">Group codes across the tree, e.g. “Learning stage”.</p>}
      <ul>
        {groups.map((g) => {
          const member = selectedCodeId !== null && g.codeIds.includes(selectedCodeId);
          return (
            <li key={g.id} aria-label={`Group ${g.name}`}>
              {renaming === g.id ? (
                <input
                  aria-label={`Rename group ${g.name}`}
                  autoFocus
                  defaultValue={g.name}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setRenaming(null);
                    if (e.key === 'Enter') e.currentTarget.blur();
                  }}
                  onBlur={(e) => {
                    setRenaming(null);
                    const next = e.target.value.trim();
                    if (next && next !== g.name) void useCodebook.getState().renameGroup(g.id, next);
                  }}
                />
              ) : (
                <strong onDoubleClick={() => setRenaming(g.id)}>{g.name}</strong>
              )}
              <span className="muted"> ({g.codeIds.length})</span>
              <div className="codebook-group-members">
                {g.codeIds
                  .map((id) => names[id]?.name)
                  .filter(Boolean)
                  .join(', ')}
              </div>
              <div className="codebook-group-actions">
                {selectedCodeId !== null && (
                  <button
                    type="button"
                    onClick={() =>
                      void useCodebook
                        .getState()
                        .setGroupMembers(
                          g.id,
                          member
                            ? g.codeIds.filter((id) => id !== selectedCodeId)
                            : [...g.codeIds, selectedCodeId],
                        )
                    }
                  >
                    {member ? 'Remove selected code' : 'Add selected code'}
                  </button>
                )}
                <button type="button" onClick={() => setRenaming(g.id)}>
                  Rename
                </button>
                <button type="button" onClick={() => void useCodebook.getState().deleteGroup(g.id)}>
                  Delete group
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
