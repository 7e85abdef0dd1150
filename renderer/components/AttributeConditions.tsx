import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { callOrError } from '../api/client';
import { useRevision } from '../app/useRevisions';

export type ConditionOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'contains';

export const ALL_OPS: readonly ConditionOp[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains'];

const OP_SYMBOLS: Record<ConditionOp, string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  contains: 'contains',
};
// Spoken words, so a screen reader does not read "less-than sign".
const OP_WORDS: Record<ConditionOp, string> = {
  eq: 'is',
  ne: 'is not',
  lt: 'is less than',
  le: 'is at most',
  gt: 'is more than',
  ge: 'is at least',
  contains: 'contains',
};

/** An attribute the user may pick: `key` is what the caller maps back to its API shape. */
export interface AttributeChoice {
  key: string;
  label: string;
  /** Known values, offered as a menu; free text when empty. */
  values: readonly string[];
  /** The values are a first part only (the backend caps long lists): free text, values as suggestions. */
  partial?: boolean;
}

export interface Condition {
  key: string;
  op: ConditionOp;
  value: string;
}

export const conditionText = (c: Condition, choices: readonly AttributeChoice[]): string =>
  `${choices.find((a) => a.key === c.key)?.label ?? c.key} ${OP_SYMBOLS[c.op]} ${c.value}`;

const spokenText = (c: Condition, choices: readonly AttributeChoice[]): string =>
  `${choices.find((a) => a.key === c.key)?.label ?? c.key} ${OP_WORDS[c.op]} ${c.value}`;

const same = (a: Condition, b: Condition): boolean =>
  a.key === b.key && a.op === b.op && a.value.toLowerCase() === b.value.toLowerCase();

const VALUE_MAX = 500;

/** search.filterOptions lists at most this many values per attribute (electron/store/search.ts). */
export const LISTED_VALUES_CAP = 200;

/** A report/export condition: document or participant attribute, any comparison. */
export interface ScopedCondition {
  scope: 'document' | 'participant';
  name: string;
  op: ConditionOp;
  value: string;
}

// Document and participant attributes may share a name, so the scope is part of the picker's key.
const scopedKey = (scope: ScopedCondition['scope'], name: string): string => `${scope}:${name}`;

export const fromScoped = (a: ScopedCondition): Condition => ({
  key: scopedKey(a.scope, a.name),
  op: a.op,
  value: a.value,
});

export const toScoped = (c: Condition): ScopedCondition => {
  const at = c.key.indexOf(':');
  const scope = c.key.slice(0, at) === 'participant' ? 'participant' : 'document';
  return { scope, name: c.key.slice(at + 1), op: c.op, value: c.value };
};

/** Choices from reports.options' attributes; known values exist for document attributes only. */
export const scopedChoices = (
  attributes: readonly { scope: ScopedCondition['scope']; name: string }[],
  values: ReadonlyMap<string, readonly string[]>,
): AttributeChoice[] =>
  attributes.map((a) => ({
    key: scopedKey(a.scope, a.name),
    label: a.scope === 'participant' ? `participant: ${a.name}` : a.name,
    values: a.scope === 'document' ? (values.get(a.name.toLowerCase()) ?? []) : [],
    partial: (values.get(a.name.toLowerCase())?.length ?? 0) >= LISTED_VALUES_CAP,
  }));

/**
 * Attribute conditions that must all hold: pick an attribute, (a comparison,) a value, Add; each
 * condition is a chip with its own remove button. Controlled: the caller keeps the list.
 */
export function AttributeConditions(props: {
  legend: string;
  choices: readonly AttributeChoice[];
  conditions: readonly Condition[];
  onChange(next: Condition[]): void;
  /** Comparisons offered; with only 'eq' (the default) no comparison menu is shown. */
  ops?: readonly ConditionOp[];
  max: number;
}) {
  const { choices, conditions, onChange, max } = props;
  const ops = props.ops ?? ['eq'];
  const [key, setKey] = useState('');
  const [op, setOp] = useState<ConditionOp>(ops[0] ?? 'eq');
  const [value, setValue] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const attributeRef = useRef<HTMLSelectElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();

  const choice = choices.find((a) => a.key === key);
  // A menu of known values suits equality; ordering and "contains" need free text.
  const valueMenu =
    choice !== undefined && choice.values.length > 0 && !choice.partial && (op === 'eq' || op === 'ne');
  const draft: Condition = { key, op, value: value.trim() };
  const full = conditions.length >= max;
  const duplicate = conditions.some((c) => same(c, draft));
  const canAdd = key !== '' && draft.value !== '' && !full && !duplicate;

  const add = (): void => {
    if (!canAdd) return;
    onChange([...conditions, draft]);
    setAnnouncement(`Added condition ${spokenText(draft, choices)}.`);
    setValue('');
    attributeRef.current?.focus();
  };
  const remove = (index: number): void => {
    const removed = conditions[index]!;
    onChange(conditions.filter((_, i) => i !== index));
    setAnnouncement(`Removed condition ${spokenText(removed, choices)}.`);
    // Keep the keyboard in the list: the next chip's button, else the previous, else the picker.
    const buttons = listRef.current?.querySelectorAll('button');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1];
    if (next) next.focus();
    else attributeRef.current?.focus();
  };
  const onValueKey = (e: KeyboardEvent): void => {
    // Callers may sit inside a form: Enter adds the condition instead of submitting it.
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="attribute-conditions">
      <legend>{props.legend}</legend>
      {conditions.length > 0 && (
        <ul ref={listRef} className="condition-chips" aria-label={`${props.legend}: all must hold`}>
          {conditions.map((c, i) => (
            <li key={`${c.key}|${c.op}|${c.value}`} className="condition-chip">
              <span>{conditionText(c, choices)}</span>
              <button
                type="button"
                aria-label={`Remove condition ${conditionText(c, choices)}`}
                onClick={() => remove(i)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="condition-draft">
        <select
          ref={attributeRef}
          aria-label="Condition attribute"
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            setValue('');
          }}
        >
          <option value="">{choices.length === 0 ? 'no attributes' : 'attribute…'}</option>
          {choices.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label}
            </option>
          ))}
        </select>
        {ops.length > 1 && (
          <select
            aria-label="Condition comparison"
            value={op}
            onChange={(e) => setOp(e.target.value as ConditionOp)}
          >
            {ops.map((o) => (
              <option key={o} value={o} aria-label={OP_WORDS[o]}>
                {OP_SYMBOLS[o]}
              </option>
            ))}
          </select>
        )}
        {valueMenu ? (
          <select
            aria-label="Condition value"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={onValueKey}
          >
            <option value="">value…</option>
            {choice.values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <>
            <input
              aria-label="Condition value"
              placeholder="value"
              value={value}
              maxLength={VALUE_MAX}
              list={choice && choice.values.length > 0 ? listId : undefined}
              disabled={key === ''}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={onValueKey}
            />
            {choice && choice.values.length > 0 && (
              <datalist id={listId}>
                {choice.values.map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            )}
          </>
        )}
        <button type="button" disabled={!canAdd} onClick={add}>
          Add condition
        </button>
      </div>
      {full && <p className="muted condition-note">At most {max} conditions.</p>}
      {duplicate && !full && <p className="muted condition-note">That condition is already set.</p>}
      {/* No role="status": views keep their own status line; this only speaks to screen readers. */}
      <p className="condition-live" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

/**
 * Values of document attributes, by lower-cased name, for the value menus of views whose own options
 * hold names only (reports, export). Suggestions only: on failure the user types values instead.
 */
export function useDocumentAttributeValues(): ReadonlyMap<string, readonly string[]> {
  const [values, setValues] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const revision = useRevision('documents');
  useEffect(() => {
    let live = true;
    void callOrError('search.filterOptions', {}).then(({ value }) => {
      if (live && value)
        setValues(new Map(value.attributes.map((a) => [a.name.toLowerCase(), a.values] as const)));
    });
    return () => {
      live = false;
    };
  }, [revision]);
  return values;
}
