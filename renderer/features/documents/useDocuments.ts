import { create } from 'zustand';
import type { DocumentKind, DocumentSummary } from '../../../shared/api/documents';
import { call } from '../../api/client';

interface DocumentsState {
  ids: number[];
  byId: Record<number, DocumentSummary>;
  titleFilter: string;
  kindFilter: DocumentKind | 'all';
  loaded: boolean;
  load(): Promise<void>;
  setTitleFilter(value: string): void;
  setKindFilter(value: DocumentKind | 'all'): void;
  replace(document: DocumentSummary): void;
}

/** The document list: filtered in SQL (title, kind), one entry per document. */
export const useDocuments = create<DocumentsState>((set, get) => ({
  ids: [],
  byId: {},
  titleFilter: '',
  kindFilter: 'all',
  loaded: false,
  async load() {
    const { titleFilter, kindFilter } = get();
    const documents = await call('documents.list', {
      ...(titleFilter.trim() ? { titleContains: titleFilter.trim() } : {}),
      ...(kindFilter !== 'all' ? { kind: kindFilter } : {}),
    });
    if (!documents) return;
    set({
      ids: documents.map((d) => d.id),
      byId: Object.fromEntries(documents.map((d) => [d.id, d])),
      loaded: true,
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
