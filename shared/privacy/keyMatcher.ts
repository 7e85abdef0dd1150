// Finds the identity key's people in a text: their names and aliases whole, their surname or first
// name alone, after a title, with a possessive, in capitals, accents dropped or misspelt by a letter;
// and their contacts (emails, phone numbers in any layout, anything else written as it is).
import {
  deletions,
  fold,
  startsUpperCase,
  tokenize,
  UNSPACED_SCRIPT,
  withinOneEdit,
  withoutPossessive,
  type Token,
} from './fold';
import { findPhones, phoneDigits } from './patterns';
import type { Finding, KeyPerson } from './types';

export const TITLES = new Set(
  (
    'mr mrs ms miss mx dr doctor prof professor col colonel gen general lt lieutenant capt captain maj ' +
    'major sgt sergeant cpl corporal pte private adm admiral cdr commander brig brigadier cmdr ' +
    'sir dame lord lady rev reverend fr father sr sister br brother mme mlle herr frau dott sig sra ' +
    'señor señora senor senora don dona doña amb ambassador minister president insp inspector'
  )
    .split(' ')
    .map(fold),
);

// Particles of surnames that are never a name alone ("van", "de"), so "de" never matches Ana de Souza.
const PARTICLES = new Set(
  'de da do dos das di del della der den van von ter ten la le el al bin ibn bint y e du des st'.split(' '),
);

// Fuzzy matching only for names this long: shorter ones have too many one-letter neighbours.
const FUZZY_MIN = 5;

const NONE: readonly Pattern[] = [];

interface Pattern {
  person: KeyPerson;
  tokens: string[];
  /** A single word alone (a first name or surname) must be written with a capital. */
  needsCapital: boolean;
}

export interface KeyMatcher {
  find(text: string, tokens?: Token[]): Finding[];
}

function patternsOf(person: KeyPerson): { words: Pattern[]; substrings: string[] } {
  const words: Pattern[] = [];
  const substrings: string[] = [];
  for (const name of person.names) {
    if (name.trim() === '') continue;
    if (UNSPACED_SCRIPT.test(name)) {
      substrings.push(foldKeepingLength(name.replace(/\s+/g, '')));
      continue;
    }
    const tokens = tokenize(name)
      .map((t) => t.folded.replace(/\.$/, ''))
      .filter((t) => !TITLES.has(t));
    if (tokens.length === 0) continue;
    words.push({ person, tokens, needsCapital: tokens.length === 1 });
    if (tokens.length === 1) continue;
    // "Thị Lan" of Nguyễn Thị Lan, "de Souza" of Ana de Souza: a name written without its first or last word.
    if (tokens.length >= 3 || PARTICLES.has(tokens[1]!)) {
      words.push({ person, tokens: tokens.slice(1), needsCapital: false });
      if (tokens.length >= 3) words.push({ person, tokens: tokens.slice(0, -1), needsCapital: false });
    }
    const parts = new Set<string>();
    for (const token of tokens) {
      parts.add(token);
      for (const piece of token.split('-')) parts.add(piece);
    }
    for (const part of parts)
      if (part.length >= 2 && !PARTICLES.has(part) && !/^\p{L}\.?$/u.test(part))
        words.push({ person, tokens: [part], needsCapital: true });
  }
  return { words, substrings };
}

export function createKeyMatcher(people: readonly KeyPerson[]): KeyMatcher {
  const exact = new Map<string, Pattern[]>();
  const fuzzy = new Map<string, Pattern[]>();
  const substrings: { person: KeyPerson; text: string }[] = [];
  const emails: { person: KeyPerson; text: string }[] = [];
  const phones: { person: KeyPerson; digits: string }[] = [];
  const push = (map: Map<string, Pattern[]>, key: string, p: Pattern) => {
    const list = map.get(key);
    if (list) {
      if (!list.includes(p)) list.push(p);
    } else map.set(key, [p]);
  };
  for (const person of people) {
    const { words, substrings: subs } = patternsOf(person);
    for (const p of words) {
      const first = p.tokens[0]!;
      push(exact, first, p);
      if (first.length >= FUZZY_MIN) for (const d of deletions(first)) push(fuzzy, d, p);
    }
    for (const s of subs) substrings.push({ person, text: s });
    for (const contact of person.contacts) {
      const item = contact.trim();
      if (item === '') continue;
      if (item.includes('@')) emails.push({ person, text: foldKeepingLength(item) });
      else if (phoneDigits(item).length >= 7 && /^[+\d\s().\-/]+$/.test(item))
        phones.push({ person, digits: phoneDigits(item) });
      else if (item.length >= 4) substrings.push({ person, text: foldKeepingLength(item) });
    }
  }

  const sameWord = (expected: string, word: string): boolean =>
    expected === word ||
    (expected.length >= FUZZY_MIN && word.length >= FUZZY_MIN - 1 && withinOneEdit(expected, word));

  // Misspellings are looked for only in capitalised words, which is most of the speed of a long text.
  const candidates = (word: string, capitalised: boolean): readonly Pattern[] => {
    const exactly = exact.get(word) ?? NONE;
    if (!capitalised || word.length < FUZZY_MIN - 1) return exactly;
    let found: Set<Pattern> | null = null;
    for (const d of deletions(word))
      for (const p of fuzzy.get(d) ?? NONE)
        if (withinOneEdit(p.tokens[0]!, word)) (found ??= new Set(exactly)).add(p);
    return found ? [...found] : exactly;
  };

  return {
    find(text, given) {
      const tokens = given ?? tokenize(text);
      const findings: Finding[] = [];
      const bare = tokens.map((t) => withoutPossessive(t.folded));
      for (let i = 0; i < tokens.length; i++) {
        let best: { pattern: Pattern; length: number } | null = null;
        for (const pattern of candidates(bare[i]!, startsUpperCase(tokens[i]!.text))) {
          const n = pattern.tokens.length;
          if (best && n <= best.length) continue;
          if (pattern.needsCapital && !startsUpperCase(tokens[i]!.text)) continue;
          let ok = true;
          for (let k = 1; k < n && ok; k++) {
            const t = tokens[i + k];
            ok =
              t !== undefined &&
              /^\s+$/.test(text.slice(tokens[i + k - 1]!.end, t.start)) &&
              sameWord(pattern.tokens[k]!, bare[i + k]!) &&
              // Only the last word may carry the possessive.
              (k === n - 1 || bare[i + k] === t.folded);
          }
          if (ok && (n === 1 || bare[i] === tokens[i]!.folded)) best = { pattern, length: n };
        }
        if (!best) continue;
        const last = tokens[i + best.length - 1]!;
        const end = last.start + withoutPossessiveLength(last.text);
        const start = titleStart(text, tokens, i);
        findings.push({
          startUtf16: start,
          endUtf16: end,
          text: text.slice(start, end),
          kind: 'participant',
          participantGuid: best.pattern.person.participantGuid,
        });
        i += best.length - 1;
      }
      if (emails.length > 0 || substrings.length > 0) {
        const lower = foldKeepingLength(text);
        for (const { person, text: needle } of [...emails, ...substrings]) {
          for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
            findings.push({
              startUtf16: at,
              endUtf16: at + needle.length,
              text: text.slice(at, at + needle.length),
              kind: 'participant',
              participantGuid: person.participantGuid,
            });
        }
      }
      if (phones.length > 0)
        for (const phone of findPhones(text)) {
          const digits = phoneDigits(phone.text);
          const person = phones.find((p) => sameNumber(p.digits, digits))?.person;
          if (person)
            findings.push({ ...phone, kind: 'participant', participantGuid: person.participantGuid });
        }
      return findings;
    },
  };
}

/** Two numbers are the same when their last 8 digits agree (+44 20 7946 0958 and 020 7946 0958). */
function sameNumber(a: string, b: string): boolean {
  const tail = Math.min(8, a.length, b.length);
  return tail >= 7 && a.slice(-tail) === b.slice(-tail);
}

function withoutPossessiveLength(word: string): number {
  return withoutPossessive(word).length;
}

/** Starts the span at a title right before the name ("Dr. Tanaka", "Col Whitfield"). */
function titleStart(text: string, tokens: Token[], i: number): number {
  const before = tokens[i - 1];
  if (!before) return tokens[i]!.start;
  const between = text.slice(before.end, tokens[i]!.start);
  if (!/^\.?\s+$/.test(between)) return tokens[i]!.start;
  return TITLES.has(before.folded.replace(/\.$/, '')) ? before.start : tokens[i]!.start;
}

const foldedChars = new Map<string, string>();
// Capitals and anything but printable ASCII: the only characters folding may change.
const FOLDABLE = /[A-Z`]|[^\t\n\r\x20-\x7e]/gu;

const foldChar = (ch: string): string => {
  let f = foldedChars.get(ch);
  if (f === undefined) {
    const folded = fold(ch);
    f = folded.length === ch.length ? folded : ch;
    foldedChars.set(ch, f);
  }
  return f;
};

/** fold() one character at a time, keeping a character wherever folding would change the length. */
export function foldKeepingLength(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}
