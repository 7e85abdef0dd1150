import { create } from 'zustand';

/** Kinds of data whose change other views must notice. */
export type DataKind = 'documents' | 'groups' | 'codes' | 'segments' | 'memos' | 'participants';

interface RevisionState {
  revisions: Record<DataKind, number>;
  /** Call after a change succeeded; views that show that kind reload. */
  bump(...kinds: DataKind[]): void;
}

export const useRevisions = create<RevisionState>((set, get) => ({
  revisions: { documents: 0, groups: 0, codes: 0, segments: 0, memos: 0, participants: 0 },
  bump(...kinds) {
    const next = { ...get().revisions };
    for (const kind of kinds) next[kind] += 1;
    set({ revisions: next });
  },
}));

/** The revision of one kind, for useEffect dependencies. */
export const useRevision = (kind: DataKind): number => useRevisions((s) => s.revisions[kind]);
