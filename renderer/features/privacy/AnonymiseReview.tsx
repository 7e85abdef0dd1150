import { useState, type KeyboardEvent } from 'react';
import { useAnonymiseReview } from './useAnonymiseReview';

const HELP =
  '↑/↓ move · Space accept or keep · E edit the replacement · Enter show occurrences · select text in a context, then A to add it';

/**
 * The review of anonymisation at the door, keyboard-driven: findings grouped by surface form with
 * counts and context, each with its replacement; accept or keep per group or per occurrence, edit the
 * replacement, add a missed span by selecting it in a context.
 */
export function AnonymiseReview() {
  const state = useAnonymiseReview();
  const [pathsText, setPathsText] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);

  const onKey = (e: KeyboardEvent) => {
    if (editing !== null) return;
    const i = state.selected;
    if (e.key === 'ArrowDown') state.select(i + 1);
    else if (e.key === 'ArrowUp') state.select(i - 1);
    else if (e.key === ' ') state.toggleGroup(i);
    else if (e.key === 'Enter') setOpen(open === i ? null : i);
    else if (e.key === 'e' || e.key === 'E') setEditing(i);
    else if (e.key === 'a' || e.key === 'A') void state.addSpan(window.getSelection()?.toString() ?? '');
    else return;
    e.preventDefault();
  };

  return (
    <section className="anonymise-review" aria-label="Anonymise before import">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void state.review(
            pathsText
              .split('\n')
              .map((p) => p.trim())
              .filter(Boolean),
          );
        }}
      >
        <textarea
          aria-label="Files to anonymise, one path per line"
          value={pathsText}
          onChange={(e) => setPathsText(e.target.value)}
        />
        <button type="submit" disabled={state.busy || pathsText.trim() === ''}>
          Find identifiers
        </button>
      </form>
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      {state.groups.length > 0 && (
        <>
          <p className="muted">{HELP}</p>
          <ul role="listbox" aria-label="Findings" tabIndex={0} onKeyDown={onKey}>
            {state.groups.map((g, i) => (
              <li
                key={g.key}
                role="option"
                aria-selected={i === state.selected}
                aria-label={g.surface}
                onClick={() => state.select(i)}
              >
                <input
                  type="checkbox"
                  aria-label={`Replace ${g.surface}`}
                  checked={g.accepted}
                  onChange={() => state.toggleGroup(i)}
                />
                <span className="finding-kind">{g.kind}</span> “{g.surface}” ×{g.occurrences.length} →{' '}
                {editing === i ? (
                  <input
                    aria-label={`Replacement for ${g.surface}`}
                    autoFocus
                    defaultValue={g.replacement}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === 'Escape') {
                        if (e.key === 'Enter')
                          state.setReplacement(i, e.currentTarget.value.trim() || g.replacement);
                        setEditing(null);
                        e.preventDefault();
                        e.stopPropagation();
                      }
                    }}
                  />
                ) : (
                  <span className="replacement">{g.replacement}</span>
                )}
                {(open === i || i === state.selected) && (
                  <ul aria-label={`Occurrences of ${g.surface}`}>
                    {g.occurrences.slice(0, open === i ? undefined : 1).map((o, j) => (
                      <li key={`${o.file}-${o.startUtf16}`}>
                        <input
                          type="checkbox"
                          aria-label={`Replace in ${o.file} at ${o.startUtf16}`}
                          checked={o.accepted}
                          disabled={!g.accepted}
                          onChange={() => state.toggleOccurrence(i, j)}
                        />
                        <span className="muted">{o.file}: </span>…{o.before}
                        <mark>{g.surface}</mark>
                        {o.after}…
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <button type="button" disabled={state.busy} onClick={() => void state.importReviewed()}>
            Import anonymised
          </button>
        </>
      )}
      {state.imported !== null && <p role="status">Imported {state.imported} anonymised file(s).</p>}
    </section>
  );
}
