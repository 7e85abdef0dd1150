// Anonymisation at the door: what is found in a text, what the researcher decided, and what the
// identity key remembers so the same identifier gets the same placeholder in every file.

export const FINDING_KINDS = [
  'participant',
  'person',
  'organisation',
  'place',
  'email',
  'phone',
  'url',
  'postcode',
  'date',
  'term',
  'manual',
] as const;
/**
 * participant: a name, alias or contact from the identity key; person/organisation/place: found by
 * the language model; date: a date of birth; term: from the researcher's own list; manual: a span the
 * researcher selected by hand.
 */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One occurrence of an identifier in one text. Offsets are UTF-16 units. */
export interface Finding {
  startUtf16: number;
  endUtf16: number;
  /** The text as written, without a possessive ending ("Whitfield" of "WHITFIELD's"). */
  text: string;
  kind: FindingKind;
  /** For kind participant: the participant's GUID in the identity key. */
  participantGuid?: string;
}

/** A person from the identity key, as the matcher needs them. */
export interface KeyPerson {
  participantGuid: string;
  /** The pseudonym used as the replacement (`P07`); null for a deleted participant. */
  label: string | null;
  names: string[];
  contacts: string[];
}

/**
 * The researcher's decisions on a run, by surface form (compared case- and accent-insensitively), so
 * the same file of decisions can be kept with a study and applied again.
 */
export interface Decisions {
  /** Surface forms not to replace. */
  reject?: string[];
  /** Surface form → replacement (instead of the proposed one). */
  replace?: Record<string, string>;
  /** Missed spans: every occurrence of the text is replaced (kind manual unless given). */
  add?: { text: string; kind?: FindingKind; replacement?: string }[];
  /** Single occurrences not to replace: file name (as listed) and where the occurrence starts. */
  rejectAt?: { file: string; startUtf16: number }[];
}

/** What the identity key remembers between runs: every replacement made, and the numbering. */
export interface PrivacyMemory {
  /** `${kind}:${folded surface}` → replacement. */
  replacements: Record<string, string>;
  /** Last number used per kind (person 3 → the next new person is [Person 4]). */
  counters: Partial<Record<FindingKind, number>>;
  /** The researcher's own terms to find (a unit's name, a base, a nickname). */
  terms: string[];
}

export const emptyMemory = (): PrivacyMemory => ({ replacements: {}, counters: {}, terms: [] });

/** A replacement made in a text: where the placeholder now is, and what it stands for. */
export interface AnonymisedSpan {
  startUtf16: number;
  endUtf16: number;
  kind: FindingKind;
  placeholder: string;
}
