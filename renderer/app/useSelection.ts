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
  /**
   * True from setSearchQuery until the next openDocument: the hit list sets its query and then opens
   * the document, so that document keeps the hits; a document opened any other way drops them.
   */
  searchOpening: boolean;
  openDocument(documentId: number, target?: { startUtf16: number; endUtf16: number }): void;
  setSearchQuery(query: string | null): void;
}

let nonce = 0;

/** Cross-feature navigation: any view can open a document at a passage; the reader follows. */
export const useSelection = create<SelectionState>((set, get) => ({
  documentId: null,
  target: null,
  searchQuery: null,
  searchOpening: false,
  openDocument(documentId, target) {
    const { searchOpening, documentId: shown, searchQuery } = get();
    // The hit bar belongs to documents opened from the hit list, not to the next one opened elsewhere.
    const keepSearch = searchOpening || documentId === shown;
    set({
      documentId,
      target: target ? { ...target, nonce: ++nonce } : null,
      searchQuery: keepSearch ? searchQuery : null,
      searchOpening: false,
    });
  },
  setSearchQuery(searchQuery) {
    set({ searchQuery, searchOpening: searchQuery !== null });
  },
}));
