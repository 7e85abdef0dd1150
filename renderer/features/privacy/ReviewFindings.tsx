import { useState, type KeyboardEvent } from 'react';
import { useAnonymiseReview } from './useAnonymiseReview';

const HELP =
  '↑/↓ move · Space accept or keep · E edit the replacement · Enter show occurrences · select text in a context, then A to add it';

/**
 * The findings of a review, keyboard-driven: grouped by surface form with counts and context, each with
 * its replacement; accept or keep per group or per occurrence, edit the replacement, add a missed span
 * by selecting it in a context. While the review runs: its progress and a Cancel button.
 */
export function ReviewFindings() {
  const state = useAnonymiseReview();
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const applyLabel = state.source?.kind === 'documents' ? 'Anonymise documents' : 'Import anonymised';

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
    <>
      {state.progress && (
        <p role="status" className="review-progress">
          <progress
            aria-label="Review progress"
            max={state.progress.total || 1}
            value={state.progress.done}
          />{' '}
          Reading {state.progress.current || '…'} ({state.progress.done} of {state.progress.total || '?'}){' '}
          <button type="button" onClick={() => state.cancel()}>
            Cancel
          </button>
        </p>
      )}
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      {state.source && !state.busy && !state.error && !state.done && state.groups.length === 0 && (
        <p role="status">
          Nothing to replace in {state.files.length} {state.files.length === 1 ? 'text' : 'texts'}.
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
          <button type="button" disabled={state.busy} onClick={() => void state.apply()}>
            {applyLabel}
          </button>
        </>
      )}
      {state.done && (
        <p role="status">
          {state.done}
          {state.source?.kind === 'documents' && state.done.startsWith('Anonymised') && (
            <>
              {' '}
              <button type="button" disabled={state.busy} onClick={() => void state.restore()}>
                Undo
              </button>
            </>
          )}
        </p>
      )}
    </>
  );
}
