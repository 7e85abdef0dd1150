import { create } from 'zustand';

export interface ReaderTarget {
  startUtf16: number;
  endUtf16: number;
  /** Changes on every request, so asking for the same place twice scrolls again. */
  nonce: number;
}

interface SelectionState {
  /** The document shown in the reader. */
  documentId: number | null;
  /** Where the reader should scroll and flash (a search hit, a segment from a report). */
  target: ReaderTarget | null;
  /** The search whose hits the reader highlights, with next/previous. */
  searchQuery: string | null;
  openDocument(documentId: number, target?: { startUtf16: number; endUtf16: number }): void;
  setSearchQuery(query: string | null): void;
}

let nonce = 0;

/** Cross-feature navigation: any view can open a document at a passage; the reader follows. */
export const useSelection = create<SelectionState>((set) => ({
  documentId: null,
  target: null,
  searchQuery: null,
  openDocument(documentId, target) {
    set({ documentId, target: target ? { ...target, nonce: ++nonce } : null });
  },
  setSearchQuery(searchQuery) {
    set({ searchQuery });
  },
}));
