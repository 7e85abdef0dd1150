// Identifiers with a shape of their own: emails, URLs, phone numbers, postal codes, dates of birth.
import type { Finding } from './types';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+[^\s<>"'().,;:!?]/giu;
// An optional + or 00 and country code, then groups of digits separated by spaces, dots, dashes,
// slashes or a bracketed area code. Checked afterwards for 7–15 digits and not being a date or year.
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d\s().\-/]{5,20}\d(?![\p{N}])/gu;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/;

const POSTCODES = [
  // United Kingdom: SW1A 1AA, M1 1AE, B33 8TH.
  /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g,
  // Canada: K1A 0B1.
  /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/g,
  // Netherlands: 1012 AB.
  /\b[1-9]\d{3}\s?(?!SS|SA|SD)[A-Z]{2}\b/g,
  // United States after a state: VA 22101, NY 10001-1234.
  /(?<=\b[A-Z]{2}\s)\d{5}(?:-\d{4})?\b/g,
  // Continental Europe before a capitalised place: 75008 Paris, D-10115 Berlin, 00-950 Warszawa.
  /\b(?:[A-Z]-)?\d{2}-?\d{3}(?=\s\p{Lu}\p{Ll})/gu,
];

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const A_DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})`;
// A date right after words that say it is a birth date.
const BIRTH_DATE = new RegExp(
  `(?<=\\b(?:born(?:\\s+on)?|date\\s+of\\s+birth|d\\.?o\\.?b\\.?|birthday(?:\\s+is)?|geboren(?:\\s+am)?|né(?:e)?\\s+le)[:\\s]+)${A_DATE}`,
  'giu',
);

function matchesOf(re: RegExp, text: string, kind: Finding['kind']): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(re))
    out.push({ startUtf16: m.index, endUtf16: m.index + m[0].length, text: m[0], kind });
  return out;
}

// An email is looked for only at each @: a run of local-part characters right before it, and a
// domain right after (one scan for @ instead of trying the whole pattern at every letter).
const LOCAL_PART = /[\p{L}\p{N}._%+-]+$/u;
const DOMAIN = /@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
const LONGEST_LOCAL_PART = 256;

function findEmails(text: string): Finding[] {
  const out: Finding[] = [];
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const local = LOCAL_PART.exec(text.slice(Math.max(lastEnd, at - LONGEST_LOCAL_PART), at));
    DOMAIN.lastIndex = at;
    const domain = local ? DOMAIN.exec(text) : null;
    if (!local || !domain) continue;
    const start = at - local[0].length;
    const end = at + domain[0].length;
    out.push({ startUtf16: start, endUtf16: end, text: text.slice(start, end), kind: 'email' });
    lastEnd = end;
    at = end - 1;
  }
  return out;
}

export const phoneDigits = (text: string): string => text.replace(/\D/g, '');

export function findPhones(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(PHONE)) {
    let value = m[0].replace(/[\s.\-/(]+$/, '');
    const open = value.indexOf('(');
    if (open > 0 && !value.includes(')')) value = value.slice(0, open).trimEnd();
    const digits = phoneDigits(value).length;
    if (digits < 7 || digits > 15 || DATE_LIKE.test(value.trim())) continue;
    // A run of plain digits with no + and no separator is a number, not a phone, unless it is long.
    if (/^\d+$/.test(value) && digits < 10) continue;
    out.push({ startUtf16: m.index, endUtf16: m.index + value.length, text: value, kind: 'phone' });
  }
  return out;
}

/** Every identifier found by its shape, overlapping or not (resolveOverlaps picks among them). */
export function findPatterns(text: string): Finding[] {
  return [
    ...findEmails(text),
    ...matchesOf(URL, text, 'url'),
    ...findPhones(text),
    ...POSTCODES.flatMap((re) => matchesOf(re, text, 'postcode')),
    ...matchesOf(BIRTH_DATE, text, 'date'),
  ];
}

export { EMAIL };
