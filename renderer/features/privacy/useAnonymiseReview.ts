import { create } from 'zustand';
import { callOrError } from '../../api/client';
import type { Decisions } from '../../../shared/privacy/types';
import type { ReviewGroup } from '../../../shared/privacy/plan';

interface ReviewState {
  paths: string[];
  groups: ReviewGroup[];
  /** Texts the researcher selected as missed identifiers. */
  added: string[];
  selected: number;
  busy: boolean;
  error: string | null;
  imported: number | null;
  review(paths: string[]): Promise<void>;
  select(index: number): void;
  toggleGroup(index: number): void;
  toggleOccurrence(index: number, occurrence: number): void;
  setReplacement(index: number, replacement: string): void;
  addSpan(text: string): Promise<void>;
  importReviewed(): Promise<void>;
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

/** Anonymisation at the door: the findings of the files about to be imported, and what to do with each. */
export const useAnonymiseReview = create<ReviewState>((set, get) => ({
  paths: [],
  groups: [],
  added: [],
  selected: 0,
  busy: false,
  error: null,
  imported: null,
  async review(paths) {
    set({ busy: true, error: null, imported: null, paths });
    const answer = await callOrError('privacy.review', {
      paths,
      decisions: { add: get().added.map((text) => ({ text })) },
    });
    if (answer.value) {
      // Earlier choices survive a new review (after adding a missed span).
      const previous = new Map(get().groups.map((g) => [g.key, g]));
      proposed = answer.value.groups;
      set({ groups: answer.value.groups.map((g) => previous.get(g.key) ?? g), selected: 0 });
    }
    set({ busy: false, error: answer.error?.message ?? null });
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
    if (trimmed === '' || get().added.includes(trimmed)) return;
    set((s) => ({ added: [...s.added, trimmed] }));
    await get().review(get().paths);
  },
  async importReviewed() {
    const { paths, groups, added } = get();
    set({ busy: true, error: null });
    const started = await callOrError('privacy.import', {
      paths,
      decisions: decisionsOf(groups, added, proposed),
    });
    if (!started.value) return set({ busy: false, error: started.error?.message ?? null });
    for (;;) {
      const status = await callOrError('jobs.status', { id: started.value.jobId });
      if (!status.value) return set({ busy: false, error: status.error?.message ?? null });
      if (status.value.state === 'done') {
        const summary = status.value.result as { imported: unknown[] };
        return set({ busy: false, imported: summary.imported.length });
      }
      if (status.value.state !== 'running')
        return set({ busy: false, error: status.value.error ?? 'the import stopped' });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  },
}));
