import { create } from 'zustand';
import { callOrError } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';
import type { ReviewResult } from '../../../shared/api/privacy';
import type { Decisions } from '../../../shared/privacy/types';
import type { ReviewGroup } from '../../../shared/privacy/plan';
import { cancelJob, followJob, type JobProgressView } from './followJob';

/** What is reviewed: files about to be imported, or documents already imported with no segments yet. */
export type ReviewSource = { kind: 'files'; paths: string[] } | { kind: 'documents'; documentIds?: number[] };

interface ReviewState {
  source: ReviewSource | null;
  groups: ReviewGroup[];
  /** The texts the last review read (files or document titles). */
  files: ReviewResult['files'];
  /** Texts the researcher selected as missed identifiers. */
  added: string[];
  selected: number;
  busy: boolean;
  /** The review job's progress while it runs. */
  progress: JobProgressView | null;
  error: string | null;
  /** What the last apply did, in words (imported files or rewritten documents). */
  done: string | null;
  review(paths: string[]): Promise<void>;
  reviewDocuments(documentIds?: number[]): Promise<void>;
  cancel(): void;
  select(index: number): void;
  toggleGroup(index: number): void;
  toggleOccurrence(index: number, occurrence: number): void;
  setReplacement(index: number, replacement: string): void;
  addSpan(text: string): Promise<void>;
  apply(): Promise<void>;
  /** Puts back the documents of the last anonymisation (their originals are in the identity key). */
  restore(): Promise<void>;
}

/** The review's state as decisions the backend applies again on import (shared/privacy/types.ts). */
export function decisionsOf(
  groups: readonly ReviewGroup[],
  added: readonly string[],
  original: readonly ReviewGroup[],
): Decisions {
  const before = new Map(original.map((g) => [g.key, g]));
  return {
    reject: groups.filter((g) => !g.accepted).map((g) => g.surface),
    replace: Object.fromEntries(
      groups
        .filter((g) => g.replacement !== before.get(g.key)?.replacement)
        .map((g) => [g.surface, g.replacement]),
    ),
    rejectAt: groups.flatMap((g) =>
      g.occurrences.filter((o) => !o.accepted).map((o) => ({ file: o.file, startUtf16: o.startUtf16 })),
    ),
    add: added.map((text) => ({ text })),
  };
}

let proposed: ReviewGroup[] = [];

const edit = (groups: ReviewGroup[], index: number, change: (g: ReviewGroup) => ReviewGroup) =>
  groups.map((g, i) => (i === index ? change(g) : g));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Anonymisation: the findings of the files or documents reviewed, and what to do with each. */
export const useAnonymiseReview = create<ReviewState>((set, get) => {
  const run = async (source: ReviewSource, fresh: boolean): Promise<void> => {
    set({
      busy: true,
      error: null,
      done: null,
      source,
      progress: null,
      ...(fresh ? { groups: [], added: [] } : {}),
    });
    const decisions = { add: get().added.map((text) => ({ text })) };
    const started =
      source.kind === 'files'
        ? await callOrError('privacy.review.start', { paths: source.paths, decisions })
        : await callOrError('privacy.reviewDocuments.start', { documentIds: source.documentIds, decisions });
    const outcome = await followJob<ReviewResult>(started, (progress) => set({ progress }));
    set({ busy: false, progress: null });
    if ('error' in outcome) return set({ error: outcome.error });
    if ('cancelled' in outcome) return set({ error: 'Review cancelled.' });
    // Earlier choices survive a new review (after adding a missed span).
    const previous = new Map(get().groups.map((g) => [g.key, g]));
    proposed = outcome.value.groups;
    set({
      groups: outcome.value.groups.map((g) => previous.get(g.key) ?? g),
      files: outcome.value.files,
      selected: 0,
    });
  };

  return {
    source: null,
    groups: [],
    files: [],
    added: [],
    selected: 0,
    busy: false,
    progress: null,
    error: null,
    done: null,
    review: (paths) => run({ kind: 'files', paths }, false),
    reviewDocuments: (documentIds) => run({ kind: 'documents', documentIds }, true),
    cancel() {
      const jobId = get().progress?.jobId;
      if (jobId) cancelJob(jobId);
    },
    select: (index) => set((s) => ({ selected: Math.max(0, Math.min(index, s.groups.length - 1)) })),
    toggleGroup: (index) =>
      set((s) => ({ groups: edit(s.groups, index, (g) => ({ ...g, accepted: !g.accepted })) })),
    toggleOccurrence: (index, occurrence) =>
      set((s) => ({
        groups: edit(s.groups, index, (g) => ({
          ...g,
          occurrences: g.occurrences.map((o, j) => (j === occurrence ? { ...o, accepted: !o.accepted } : o)),
        })),
      })),
    setReplacement: (index, replacement) =>
      set((s) => ({ groups: edit(s.groups, index, (g) => ({ ...g, replacement })) })),
    async addSpan(text) {
      const trimmed = text.trim();
      const source = get().source;
      if (trimmed === '' || get().added.includes(trimmed) || !source) return;
      set((s) => ({ added: [...s.added, trimmed] }));
      await run(source, false);
    },
    async restore() {
      set({ busy: true, error: null });
      const answer = await callOrError('privacy.restoreDocuments', {});
      set({ busy: false, error: answer.error?.message ?? null });
      if (!answer.value) return;
      useRevisions.getState().bump('documents');
      set({
        done: `Restored ${plural(answer.value.documents.length, 'document', 'documents')} as they were.`,
      });
    },
    async apply() {
      const { source, groups, added } = get();
      if (!source) return;
      const decisions = decisionsOf(groups, added, proposed);
      set({ busy: true, error: null, done: null });
      if (source.kind === 'documents') {
        const answer = await callOrError('privacy.anonymiseDocuments', {
          documentIds: source.documentIds,
          decisions,
        });
        set({ busy: false, error: answer.error?.message ?? null });
        if (!answer.value) return;
        const changed = answer.value.documents.filter((d) => d.replacements > 0);
        useRevisions.getState().bump('documents');
        return set({
          groups: [],
          done: `Anonymised ${plural(changed.length, 'document', 'documents')} (${plural(
            changed.reduce((n, d) => n + d.replacements, 0),
            'replacement',
            'replacements',
          )}).`,
        });
      }
      const started = await callOrError('privacy.import', { paths: source.paths, decisions });
      const outcome = await followJob<{ imported: unknown[] }>(started, () => {});
      set({ busy: false });
      if ('error' in outcome) return set({ error: outcome.error });
      if ('cancelled' in outcome) return set({ error: 'Import cancelled.' });
      useRevisions.getState().bump('documents');
      // The findings are done with: a second click must not import the files again.
      set({ groups: [], done: `Imported ${outcome.value.imported.length} anonymised file(s).` });
    },
  };
});
