import { useState } from 'react';

/**
 * A short list of strings to add to, edit and remove from, all with the keyboard: each entry is a text
 * field with its Remove button, and Enter in the last field adds what was typed.
 */
export function ListEditor({
  label,
  items,
  onChange,
}: {
  /** What one entry is ("alias", "contact", "term"): used in every control's accessible name. */
  label: string;
  items: string[];
  onChange(items: string[]): void;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const value = draft.trim();
    if (value === '' || items.includes(value)) return;
    onChange([...items, value]);
    setDraft('');
  };
  return (
    <ul className="list-editor" aria-label={`${label[0]!.toUpperCase()}${label.slice(1)}s`}>
      {items.map((item, i) => (
        <li key={i}>
          <input
            aria-label={`${label} ${i + 1}`}
            value={item}
            autoComplete="off"
            onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
          />
          <button
            type="button"
            aria-label={`Remove ${label} ${item}`}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </li>
      ))}
      <li>
        <input
          aria-label={`New ${label}`}
          value={draft}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" disabled={draft.trim() === ''} onClick={add}>
          Add {label}
        </button>
      </li>
    </ul>
  );
}
