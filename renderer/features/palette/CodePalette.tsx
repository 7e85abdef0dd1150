import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Code } from '../../../shared/api/coding';
import { codePaths, hasExactName, rankCodes } from './rankCodes';
import { usePalette } from './usePalette';

interface Props {
  codes: readonly Code[];
  /** Creates a code with this name (at the top level) and returns it, or undefined after an error toast. */
  createCode(name: string): Promise<Code | undefined>;
}

/** Ctrl/Cmd+K: type to find a code by name or path, Enter applies it; an unknown name offers to create it. */
export function CodePalette(props: Props) {
  const open = usePalette((s) => s.open);
  // Mounted only while open, so every opening starts with an empty query.
  return open ? <PaletteDialog {...props} /> : null;
}

const MAX_SHOWN = 50;

function PaletteDialog({ codes, createCode }: Props) {
  const title = usePalette((s) => s.title);
  const onChoose = usePalette((s) => s.onChoose);
  const close = usePalette((s) => s.close);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => codePaths(codes), [codes]);
  // Every use of the palette applies the chosen code, so headings (codes that can't be applied) are
  // left out; their names still show in their sub-codes' paths.
  const applicable = useMemo(() => options.filter((o) => o.code.codable !== false), [options]);
  const matches = useMemo(() => rankCodes(applicable, query).slice(0, MAX_SHOWN), [applicable, query]);
  const newName = query.trim();
  const offerCreate = newName.length > 0 && !hasExactName(options, newName);
  const count = matches.length + (offerCreate ? 1 : 0);
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  const choose = async (index: number) => {
    if (busy || !onChoose) return;
    const match = matches[index];
    if (match) {
      close();
      onChoose(match.code.id);
      return;
    }
    if (!offerCreate) return;
    setBusy(true);
    const code = await createCode(newName);
    setBusy(false);
    if (!code) return;
    close();
    onChoose(code.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(count === 0 ? 0 : (activeIndex + 1) % count);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(count === 0 ? 0 : (activeIndex - 1 + count) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void choose(activeIndex);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="palette-backdrop" onMouseDown={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Code palette"
        className="palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="palette-title">{title}</div>
        <input
          role="combobox"
          aria-label="Find or create a code"
          aria-expanded="true"
          aria-controls="palette-options"
          aria-activedescendant={count > 0 ? `palette-option-${activeIndex}` : undefined}
          autoFocus
          placeholder="Type a code name…"
          value={query}
          disabled={busy}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul role="listbox" id="palette-options" aria-label="Codes" className="palette-options">
          {matches.map((m, i) => (
            <li
              key={m.code.id}
              id={`palette-option-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              onMouseEnter={() => setActive(i)}
              onClick={() => void choose(i)}
            >
              <span className="code-swatch" style={{ background: m.code.color }} />
              <span className="palette-name">{m.code.name}</span>
              {m.path !== m.code.name && <span className="palette-path muted">{m.path}</span>}
              {m.code.shortcut && <kbd>{m.code.shortcut}</kbd>}
            </li>
          ))}
          {offerCreate && (
            <li
              id={`palette-option-${matches.length}`}
              role="option"
              aria-selected={activeIndex === matches.length}
              className="palette-create"
              onMouseEnter={() => setActive(matches.length)}
              onClick={() => void choose(matches.length)}
            >
              Create code “{newName}”
            </li>
          )}
          {count === 0 && <li className="muted palette-empty">Type a name to find or create a code.</li>}
        </ul>
      </div>
    </div>
  );
}
