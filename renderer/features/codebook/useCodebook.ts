import { create } from 'zustand';
import type { Code, CodeGroup, TemplateLoadResult } from '../../../shared/api/coding';
import { call } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';

export interface NewCodeInput {
  name: string;
  parentId?: number | null;
  color?: string;
  position?: number;
}

export interface CodeChanges {
  name?: string;
  color?: string;
  description?: string;
  shortcut?: string | null;
  codable?: boolean;
}

interface CodebookState {
  status: 'idle' | 'loading' | 'ready';
  /** Codes in the backend's order (parent, position); build the tree with shared/coding/tree. */
  ids: number[];
  byId: Record<number, Code>;
  groupIds: number[];
  groupsById: Record<number, CodeGroup>;
  load(): Promise<void>;
  create(input: NewCodeInput): Promise<Code | undefined>;
  update(id: number, changes: CodeChanges): Promise<Code | undefined>;
  move(id: number, parentId: number | null, position: number): Promise<boolean>;
  merge(sourceId: number, targetId: number): Promise<boolean>;
  remove(id: number): Promise<boolean>;
  createGroup(name: string, codeIds?: number[]): Promise<CodeGroup | undefined>;
  renameGroup(id: number, name: string): Promise<boolean>;
  deleteGroup(id: number): Promise<boolean>;
  setGroupMembers(id: number, codeIds: number[]): Promise<boolean>;
  loadTemplate(source: { name: string } | { path: string }): Promise<TemplateLoadResult | undefined>;
}

let loadToken = 0;

/**
 * The codebook of the open project, with live counts. Views reload it on `useRevision('codes')` and
 * `useRevision('segments')`; every action here calls the backend and then bumps 'codes' (and
 * 'segments' when segments moved), so every view — the reader's stripes included — follows.
 */
export const useCodebook = create<CodebookState>((set, get) => {
  const bump = (...kinds: ('codes' | 'segments' | 'memos')[]) => useRevisions.getState().bump(...kinds);
  return {
    status: 'idle',
    ids: [],
    byId: {},
    groupIds: [],
    groupsById: {},
    async load() {
      const token = ++loadToken;
      if (get().status === 'idle') set({ status: 'loading' });
      const [codes, groups] = await Promise.all([call('codes.list', {}), call('codeGroups.list', {})]);
      if (token !== loadToken) return;
      set({
        status: 'ready',
        ids: (codes ?? []).map((c) => c.id),
        byId: Object.fromEntries((codes ?? []).map((c) => [c.id, c])),
        groupIds: (groups ?? []).map((g) => g.id),
        groupsById: Object.fromEntries((groups ?? []).map((g) => [g.id, g])),
      });
    },
    async create(input) {
      const code = await call('codes.create', input);
      if (code) bump('codes');
      return code;
    },
    async update(id, changes) {
      const code = await call('codes.update', { id, ...changes });
      if (code) {
        set({ byId: { ...get().byId, [id]: code } });
        bump('codes');
      }
      return code;
    },
    async move(id, parentId, position) {
      const code = await call('codes.move', { id, parentId, position });
      if (code) bump('codes');
      return code !== undefined;
    },
    async merge(sourceId, targetId) {
      const result = await call('codes.merge', { sourceId, targetId });
      if (result) bump('codes', 'segments', 'memos');
      return result !== undefined;
    },
    async remove(id) {
      const result = await call('codes.delete', { id });
      if (result) bump('codes', 'segments', 'memos');
      return result !== undefined;
    },
    async createGroup(name, codeIds) {
      const group = await call('codeGroups.create', { name, ...(codeIds ? { codeIds } : {}) });
      if (group) bump('codes');
      return group;
    },
    async renameGroup(id, name) {
      const group = await call('codeGroups.update', { id, name });
      if (group) bump('codes');
      return group !== undefined;
    },
    async deleteGroup(id) {
      const done = await call('codeGroups.delete', { id });
      if (done === null) bump('codes');
      return done === null;
    },
    async setGroupMembers(id, codeIds) {
      const group = await call('codeGroups.setMembers', { id, codeIds });
      if (group) bump('codes');
      return group !== undefined;
    },
    async loadTemplate(source) {
      const result = await call('templates.load', source);
      if (result) bump('codes');
      return result;
    },
  };
});

/** The codes as an array in backend order, for derived views (use with useShallow or useMemo). */
export function selectCodes(state: Pick<CodebookState, 'ids' | 'byId'>): Code[] {
  return state.ids.map((id) => state.byId[id]!).filter(Boolean);
}
