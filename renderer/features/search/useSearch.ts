import { create } from 'zustand';
import type { SearchFilters, SearchResultItem } from '../../../shared/api/search';
import { parseQuery } from '../../../shared/search/query';
import { callOrError } from '../../api/client';

const PAGE = 50;

interface SearchState {
  /** The query the results are for (what was searched, not what is being typed). */
  query: string;
  filters: SearchFilters;
  ids: number[];
  byId: Record<number, SearchResultItem>;
  total: number;
  error: string | null;
  loading: boolean;
  run(query: string, filters?: SearchFilters): Promise<void>;
  loadMore(): Promise<void>;
  clear(): void;
}

/** The search panel's results, one page at a time (counts and snippets come per page). */
export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  filters: {},
  ids: [],
  byId: {},
  total: 0,
  error: null,
  loading: false,
  async run(query, filters = get().filters) {
    // The same parser as the backend: a malformed query is explained before any call.
    const parsed = parseQuery(query);
    if (!parsed.ok) {
      set({ query, filters, error: parsed.message, ids: [], byId: {}, total: 0 });
      return;
    }
    set({ loading: true, error: null, query, filters });
    const { value, error } = await callOrError('search.run', { query, filters, limit: PAGE });
    if (get().query !== query) return;
    if (error || !value) {
      set({ loading: false, error: error?.message ?? 'search failed', ids: [], byId: {}, total: 0 });
      return;
    }
    set({
      loading: false,
      total: value.total,
      ids: value.items.map((i) => i.documentId),
      byId: Object.fromEntries(value.items.map((i) => [i.documentId, i])),
    });
  },
  async loadMore() {
    const { query, filters, ids, total, loading } = get();
    if (loading || ids.length >= total || !query) return;
    set({ loading: true });
    const { value } = await callOrError('search.run', { query, filters, offset: ids.length, limit: PAGE });
    if (!value || get().query !== query) {
      set({ loading: false });
      return;
    }
    set((s) => ({
      loading: false,
      ids: [...s.ids, ...value.items.map((i) => i.documentId)],
      byId: { ...s.byId, ...Object.fromEntries(value.items.map((i) => [i.documentId, i])) },
    }));
  },
  clear() {
    set({ query: '', ids: [], byId: {}, total: 0, error: null });
  },
}));
