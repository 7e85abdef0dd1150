import { create } from 'zustand';
import type { Category, IdentityKeyStatus, ParticipantRow } from '../../../shared/api/sample';
import { call } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';

interface SampleState {
  ids: number[];
  byId: Record<number, ParticipantRow>;
  categories: Category[];
  identity: IdentityKeyStatus | null;
  /** The participant open in the editor. */
  selectedId: number | null;
  loaded: boolean;
  load(): Promise<void>;
  /** After a change: reload the sample and tell other views (reports) that participants changed. */
  changed(): Promise<void>;
  select(id: number | null): void;
}

export const useSample = create<SampleState>((set, get) => ({
  ids: [],
  byId: {},
  categories: [],
  identity: null,
  selectedId: null,
  loaded: false,
  async load() {
    const [rows, categories, identity] = await Promise.all([
      call('sample.list', {}),
      call('sample.categories.list', {}),
      call('sample.identity.status', {}),
    ]);
    if (!rows) return;
    const byId: Record<number, ParticipantRow> = {};
    for (const row of rows) byId[row.id] = row;
    const selectedId = get().selectedId;
    set({
      ids: rows.map((r) => r.id),
      byId,
      categories: categories ?? [],
      identity: identity ?? null,
      loaded: true,
      selectedId: selectedId !== null && byId[selectedId] ? selectedId : null,
    });
  },
  async changed() {
    await get().load();
    useRevisions.getState().bump('participants');
  },
  select(selectedId) {
    set({ selectedId });
  },
}));
