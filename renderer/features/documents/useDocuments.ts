import { create } from 'zustand';
import type { DocumentKind, DocumentSummary } from '../../../shared/api/documents';
import { call } from '../../api/client';

interface DocumentsState {
  ids: number[];
  byId: Record<number, DocumentSummary>;
  titleFilter: string;
  kindFilter: DocumentKind | 'all';
  loaded: boolean;
  /** Ticked documents (for group actions); kept outside the rows because the list is virtualised. */
  checked: Record<number, true>;
  /** The last ticked or unticked document: a Shift-click extends from here. */
  anchorId: number | null;
  load(): Promise<void>;
  /** Ticks or unticks one document; with `range`, every document from the anchor to it alike. */
  toggleChecked(id: number, range: boolean): void;
  setAllChecked(on: boolean): void;
  setTitleFilter(value: string): void;
  setKindFilter(value: DocumentKind | 'all'): void;
  replace(document: DocumentSummary): void;
}

/** Which list request is the latest: only its answer is shown. */
let loadToken = 0;

/** The document list: filtered in SQL (title, kind), one entry per document. */
export const useDocuments = create<DocumentsState>((set, get) => ({
  ids: [],
  byId: {},
  titleFilter: '',
  kindFilter: 'all',
  loaded: false,
  checked: {},
  anchorId: null,
  async load() {
    const token = ++loadToken;
    const { titleFilter, kindFilter } = get();
    const documents = await call('documents.list', {
      ...(titleFilter.trim() ? { titleContains: titleFilter.trim() } : {}),
      ...(kindFilter !== 'all' ? { kind: kindFilter } : {}),
    });
    // A filter typed while a longer list was on its way: that list's answer, arriving last, is stale.
    if (!documents || token !== loadToken) return;
    const ids = documents.map((d) => d.id);
    // Actions apply to what the list shows: a document filtered out or deleted is no longer ticked.
    const checked: Record<number, true> = {};
    for (const id of ids) if (get().checked[id]) checked[id] = true;
    set({ ids, byId: Object.fromEntries(documents.map((d) => [d.id, d])), loaded: true, checked });
  },
  toggleChecked(id, range) {
    const { ids, checked, anchorId } = get();
    const on = !checked[id];
    const from = range && anchorId !== null ? ids.indexOf(anchorId) : -1;
    const to = ids.indexOf(id);
    const next = { ...checked };
    const span = from >= 0 && to >= 0 ? ids.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    for (const each of span) {
      if (on) next[each] = true;
      else delete next[each];
    }
    set({ checked: next, anchorId: id });
  },
  setAllChecked(on) {
    set({
      checked: on ? Object.fromEntries(get().ids.map((id) => [id, true as const])) : {},
      anchorId: null,
    });
  },
  setTitleFilter(titleFilter) {
    set({ titleFilter });
    void get().load();
  },
  setKindFilter(kindFilter) {
    set({ kindFilter });
    void get().load();
  },
  replace(document) {
    set({ byId: { ...get().byId, [document.id]: document } });
  },
}));
