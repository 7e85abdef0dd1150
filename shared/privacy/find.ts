// Everything that identifies someone in one text, overlaps resolved.
import { tokenize } from './fold';
import { foldKeepingLength, type KeyMatcher } from './keyMatcher';
import { findPatterns } from './patterns';
import { resolveOverlaps } from './resolve';
import { findTerms } from './terms';
import type { Decisions, Finding } from './types';

export interface Finders {
  key: KeyMatcher;
  terms: readonly string[];
  added?: Decisions['add'];
  /**
   * Other people, organisations and places (the language model, in the backend); none when absent.
   * Given what the other finders found, so it can skip words already known (a key person's name).
   */
  entities?: (text: string, known: readonly Finding[]) => Finding[];
}

export function findIdentifiers(text: string, finders: Finders): Finding[] {
  const folded = foldKeepingLength(text);
  const found: Finding[] = [
    ...finders.key.find(text, tokenize(text)),
    ...findPatterns(text),
    ...findTerms(text, finders.terms, 'term', folded),
    ...(finders.added ?? []).flatMap((a) => findTerms(text, [a.text], a.kind ?? 'manual', folded)),
  ];
  if (finders.entities) found.push(...finders.entities(text, found));
  return resolveOverlaps(found);
}
