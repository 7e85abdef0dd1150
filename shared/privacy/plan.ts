// From findings in a set of files to replacements: grouped by surface form, each group with one
// replacement that stays the same across the corpus and across runs (the identity key remembers it),
// and the researcher's decisions applied.
import { fold } from './fold';
import { TITLES } from './keyMatcher';
import type { Replacement } from './rewrite';
import type { Decisions, Finding, FindingKind, KeyPerson, PrivacyMemory } from './types';

export interface FileFindings {
  /** The file as the researcher listed it (its name, or a document's title). */
  file: string;
  text: string;
  findings: Finding[];
}

export interface Occurrence {
  file: string;
  startUtf16: number;
  endUtf16: number;
  /** A few words either side, for the review screen. */
  before: string;
  after: string;
  accepted: boolean;
}

export interface ReviewGroup {
  /** Stable within a run: kind and folded surface form. */
  key: string;
  kind: FindingKind;
  surface: string;
  replacement: string;
  accepted: boolean;
  /** For kind participant: the participant's label (null for a deleted one). */
  participantLabel?: string | null;
  occurrences: Occurrence[];
}

export interface Plan {
  groups: ReviewGroup[];
  /** The memory with this run's new replacements added (saved in the identity key when applied). */
  memory: PrivacyMemory;
  replacementsByFile: Map<string, Replacement[]>;
}

const FIXED: Partial<Record<FindingKind, string>> = {
  email: '[email]',
  phone: '[phone]',
  url: '[URL]',
  postcode: '[postcode]',
  date: '[date of birth]',
  manual: '[redacted]',
};
const NUMBERED: Partial<Record<FindingKind, string>> = {
  person: 'Person',
  place: 'Place',
  term: 'Term',
};
const CONTEXT = 40;

/** A, B, …, Z, AA, AB, … */
export function letterOf(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The surface form without a title ("Dr. Tanaka" → "tanaka"), folded: what a replacement is remembered by. */
export function coreOf(surface: string): string {
  const words = fold(surface).split(/\s+/);
  while (words.length > 1 && TITLES.has(words[0]!.replace(/\.$/, ''))) words.shift();
  return words.join(' ');
}

function proposeReplacement(kind: FindingKind, core: string, memory: PrivacyMemory): string {
  const remembered = memory.replacements[`${kind}:${core}`];
  if (remembered) return remembered;
  const fixed = FIXED[kind];
  if (fixed) return fixed;
  if (kind === 'person' && !core.includes(' ')) {
    // "Whitfield" after "Marcus Whitfield" is the same person.
    for (const [key, value] of Object.entries(memory.replacements)) {
      if (!key.startsWith('person:')) continue;
      const words = key.slice(7).split(' ');
      if (words.length > 1 && (words.at(-1) === core || words[0] === core)) return value;
    }
  }
  const n = (memory.counters[kind] ?? 0) + 1;
  memory.counters[kind] = n;
  const replacement =
    kind === 'organisation' ? `[Organisation ${letterOf(n)}]` : `[${NUMBERED[kind] ?? 'Name'} ${n}]`;
  memory.replacements[`${kind}:${core}`] = replacement;
  return replacement;
}

export function planReplacements(
  files: readonly FileFindings[],
  people: readonly KeyPerson[],
  memory: PrivacyMemory,
  decisions: Decisions = {},
): Plan {
  const next: PrivacyMemory = {
    replacements: { ...memory.replacements },
    counters: { ...memory.counters },
    terms: [...memory.terms],
  };
  const labels = new Map(people.map((p) => [p.participantGuid, p.label]));
  const rejected = new Set((decisions.reject ?? []).map(coreOf));
  const replaced = new Map(Object.entries(decisions.replace ?? {}).map(([k, v]) => [coreOf(k), v]));
  const addedReplacement = new Map(
    (decisions.add ?? []).filter((a) => a.replacement).map((a) => [coreOf(a.text), a.replacement!]),
  );
  const rejectedAt = new Set((decisions.rejectAt ?? []).map((r) => `${r.file}\u0000${r.startUtf16}`));
  const groups = new Map<string, ReviewGroup>();
  // Files in the order given and findings in text order, so numbering follows first appearance.
  for (const file of files) {
    for (const f of [...file.findings].sort((a, b) => a.startUtf16 - b.startUtf16)) {
      const core = coreOf(f.text);
      const key = `${f.kind}:${f.kind === 'participant' ? fold(f.text) : core}`;
      let group = groups.get(key);
      if (!group) {
        const label = f.kind === 'participant' ? (labels.get(f.participantGuid ?? '') ?? null) : undefined;
        const proposed =
          f.kind === 'participant'
            ? `[${label ?? 'Participant'}]`
            : (addedReplacement.get(core) ?? proposeReplacement(f.kind, core, next));
        group = {
          key,
          kind: f.kind,
          surface: f.text,
          replacement: replaced.get(core) ?? replaced.get(fold(f.text)) ?? proposed,
          accepted: !rejected.has(core) && !rejected.has(fold(f.text)),
          ...(f.kind === 'participant' ? { participantLabel: label } : {}),
          occurrences: [],
        };
        groups.set(key, group);
      }
      group.occurrences.push({
        file: file.file,
        startUtf16: f.startUtf16,
        endUtf16: f.endUtf16,
        before: file.text.slice(Math.max(0, f.startUtf16 - CONTEXT), f.startUtf16),
        after: file.text.slice(f.endUtf16, f.endUtf16 + CONTEXT),
        accepted: !rejectedAt.has(`${file.file}\u0000${f.startUtf16}`),
      });
    }
  }
  return finishPlan([...groups.values()], next);
}

/** Replacements per file from the groups as decided (also after the review screen edited them). */
export function finishPlan(groups: ReviewGroup[], memory: PrivacyMemory): Plan {
  const replacementsByFile = new Map<string, Replacement[]>();
  for (const group of groups) {
    if (!group.accepted) continue;
    if (group.kind !== 'participant')
      memory.replacements[`${group.kind}:${coreOf(group.surface)}`] = group.replacement;
    for (const o of group.occurrences) {
      if (!o.accepted) continue;
      const list = replacementsByFile.get(o.file) ?? [];
      list.push({
        startUtf16: o.startUtf16,
        endUtf16: o.endUtf16,
        kind: group.kind,
        placeholder: group.replacement,
      });
      replacementsByFile.set(o.file, list);
    }
  }
  return { groups, memory, replacementsByFile };
}
