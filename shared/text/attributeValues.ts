import type { AttributeType, AttributeValue } from '../api/documents';

export type Coerced = { ok: true; value: string | number | boolean } | { ok: false; reason: string };

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/**
 * Checks a value against an attribute's type, accepting the spellings a spreadsheet produces
 * ("12,5" is not a number — we do not guess a locale; "yes"/"no" are booleans).
 */
export function coerceAttributeValue(type: AttributeType, value: Exclude<AttributeValue, null>): Coerced {
  const text = typeof value === 'string' ? value.trim() : value;
  switch (type) {
    case 'text':
      return { ok: true, value: String(value) };
    case 'number': {
      const n =
        typeof text === 'number' ? text : typeof text === 'string' && text !== '' ? Number(text) : NaN;
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, reason: `${String(value)} is not a number` };
    }
    case 'boolean': {
      if (typeof text === 'boolean') return { ok: true, value: text };
      const word = String(text).toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: `${String(value)} is not yes/no` };
    }
    case 'date': {
      const s = String(text);
      return DATE.test(s)
        ? { ok: true, value: s }
        : { ok: false, reason: `${s} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` };
    }
  }
}

/** The type a CSV column most likely has: number, boolean or date if every non-empty cell is one. */
export function inferAttributeType(cells: readonly string[]): AttributeType {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return 'text';
  for (const type of ['number', 'date', 'boolean'] as const) {
    if (filled.every((c) => coerceAttributeValue(type, c).ok)) return type;
  }
  return 'text';
}
