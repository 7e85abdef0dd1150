import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './checkList.css';

export interface CheckOption {
  value: number;
  label: string;
  /** Indent (a code's depth in the tree). */
  depth?: number;
}

/** Lists longer than this get a box to narrow them by name. */
const FILTER_FROM = 8;

function summary(options: readonly CheckOption[], selected: readonly number[], none: string): string {
  if (selected.length === 0) return none;
  if (selected.length === 1) return options.find((o) => o.value === selected[0])?.label ?? '1 ticked';
  return `${selected.length} of ${options.length}`;
}

/**
 * A multiple choice as a button that opens a list of checkboxes, with a filter box for long lists and
 * All / None for the options shown. Replaces a multi-select list box, whose four visible rows and
 * Ctrl-click hid what was chosen. Keyboard: Enter or Space opens, arrows move between options, Space
 * ticks, Escape closes and returns to the button, Tab past the end closes.
 */
export function CheckList({
  label,
  options,
  selected,
  onChange,
  none = 'all',
}: {
  label: string;
  options: readonly CheckOption[];
  selected: readonly number[];
  onChange: (values: number[]) => void;
  /** What the button says when nothing is ticked (for filters: nothing ticked means no filter). */
  none?: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle)) : options;
  const ticked = new Set(selected);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const toggle = (value: number, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  const tickShown = (on: boolean) => {
    const values = new Set(shown.map((o) => o.value));
    // Kept in the options' order, so the saved filters read the same way the list does.
    onChange(options.filter((o) => (values.has(o.value) ? on : ticked.has(o.value))).map((o) => o.value));
  };
  const checkboxes = () => [...(list.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const boxes = checkboxes();
    const at = boxes.indexOf(document.activeElement as HTMLInputElement);
    const next = {
      ArrowDown: Math.min(boxes.length - 1, at + 1),
      ArrowUp: Math.max(0, at - 1),
      Home: 0,
      End: boxes.length - 1,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    boxes[next]?.focus();
  };
  const onPanelKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div
      className="check-list"
      ref={root}
      onBlur={(e) => {
        // Tabbing past the last option closes the list, as clicking elsewhere does.
        if (e.relatedTarget && !root.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <span className="check-list-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        ref={button}
        type="button"
        className="check-list-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-labelledby={`${id}-label ${id}-summary`}
        onClick={() => setOpen(!open)}
      >
        <span id={`${id}-summary`}>{summary(options, selected, none)}</span>
      </button>
      {open && (
        <div
          className="check-list-panel"
          id={`${id}-panel`}
          role="group"
          aria-label={label}
          onKeyDown={onPanelKey}
        >
          {options.length > FILTER_FROM && (
            <input
              type="search"
              aria-label={`Filter ${label}`}
              placeholder="filter"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  checkboxes()[0]?.focus();
                }
              }}
            />
          )}
          <div className="check-list-tools">
            <button type="button" disabled={shown.length === 0} onClick={() => tickShown(true)}>
              All
            </button>
            <button type="button" disabled={shown.length === 0} onClick={() => tickShown(false)}>
              None
            </button>
            <span className="muted">
              {selected.length} of {options.length} ticked
            </span>
          </div>
          {shown.length === 0 ? (
            <p className="muted">{options.length === 0 ? 'Nothing to choose.' : 'No match.'}</p>
          ) : (
            <ul ref={list} onKeyDown={onListKey}>
              {shown.map((o) => (
                <li key={o.value} style={o.depth ? { paddingLeft: `${o.depth}em` } : undefined}>
                  <label>
                    <input
                      type="checkbox"
                      checked={ticked.has(o.value)}
                      onChange={(e) => toggle(o.value, e.target.checked)}
                    />
                    {o.label}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
