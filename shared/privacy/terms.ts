// The researcher's own list (a unit's name, a base, a nickname) and spans added by hand: every
// occurrence as a whole word, case and accents ignored.
import { foldKeepingLength } from './keyMatcher';
import type { Finding, FindingKind } from './types';

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);

export function findTerms(
  text: string,
  terms: readonly string[],
  kind: FindingKind,
  folded = foldKeepingLength(text),
): Finding[] {
  const out: Finding[] = [];
  for (const term of terms) {
    const needle = foldKeepingLength(term.trim());
    if (needle.length === 0) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      // Whole words only, except in scripts without spaces (where any occurrence counts).
      if (
        (isWordChar(folded[at - 1]) && isWordChar(needle[0])) ||
        (isWordChar(folded[end]) && isWordChar(needle.at(-1)))
      )
        if (
          /[\p{L}]/u.test(needle) &&
          !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(needle)
        )
          continue;
      out.push({ startUtf16: at, endUtf16: end, text: text.slice(at, end), kind });
    }
  }
  return out;
}
