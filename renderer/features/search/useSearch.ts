import { create } from 'zustand';
import type { SearchFilters, SearchResultItem } from '../../../shared/api/search';
import { parseQuery } from '../../../shared/search/query';
import { callOrError } from '../../api/client';

const PAGE = 50;
const STEMMING_KEY = 'passage.search.stemming';

/** Word forms are matched unless the researcher turned it off once (remembered across sessions). */
function savedStemming(): boolean {
  return typeof localStorage === 'undefined' || localStorage.getItem(STEMMING_KEY) !== 'off';
}

interface SearchState {
  /** The query the results are for (what was searched, not what is being typed). */
  query: string;
  filters: SearchFilters;
  /** Match English word forms ("NGO" finds "NGOs") rather than exact words. */
  stemming: boolean;
  /** How the shown results matched words, as the backend said ("Exact words", …). */
  matching: string;
  ids: number[];
  byId: Record<number, SearchResultItem>;
  total: number;
  error: string | null;
  loading: boolean;
  run(query: string, filters?: SearchFilters): Promise<void>;
  loadMore(): Promise<void>;
  setStemming(stemming: boolean): void;
  clear(): void;
}

// Each search (a new query, filters or word-form setting) gets a number; an answer for an older one —
// its first page or a further page — is dropped, so pages of different searches never mix however
// the backend's answers overtake each other.
let searchNumber = 0;

/** The search panel's results, one page at a time (counts and snippets come per page). */
export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  filters: {},
  stemming: savedStemming(),
  matching: '',
  ids: [],
  byId: {},
  total: 0,
  error: null,
  loading: false,
  async run(query, filters = get().filters) {
    // The same parser as the backend: a malformed query is explained before any call.
    const parsed = parseQuery(query);
    if (!parsed.ok) {
      searchNumber++;
      set({ query, filters, error: parsed.message, ids: [], byId: {}, total: 0 });
      return;
    }
    const mine = ++searchNumber;
    set({ loading: true, error: null, query, filters });
    const { stemming } = get();
    // The hit list first — titles, order and total, which read no document text — then the same page
    // with hit counts and snippets, which read every shown document (long transcripts take a while).
    const args = { query, filters, stemming, limit: PAGE };
    const listed = await callOrError('search.run', { ...args, snippets: false });
    if (mine !== searchNumber) return;
    if (listed.error || !listed.value) {
      set({ loading: false, error: listed.error?.message ?? 'search failed', ids: [], byId: {}, total: 0 });
      return;
    }
    const { items, total, matching } = listed.value;
    set({
      loading: false,
      matching,
      total,
      ids: items.map((i) => i.documentId),
      byId: Object.fromEntries(items.map((i) => [i.documentId, i])),
    });
    const detailed = await callOrError('search.run', args);
    if (mine !== searchNumber) return;
    if (detailed.error || !detailed.value) {
      set({ error: detailed.error?.message ?? 'search failed' });
      return;
    }
    const details = detailed.value.items;
    set((s) => ({ byId: { ...s.byId, ...Object.fromEntries(details.map((i) => [i.documentId, i])) } }));
  },
  async loadMore() {
    const { query, filters, stemming, ids, total, loading } = get();
    if (loading || ids.length >= total || !query) return;
    const mine = searchNumber;
    set({ loading: true });
    const { value } = await callOrError('search.run', {
      query,
      filters,
      stemming,
      offset: ids.length,
      limit: PAGE,
    });
    if (mine !== searchNumber) return;
    if (!value) {
      set({ loading: false });
      return;
    }
    set((s) => ({
      loading: false,
      ids: [...s.ids, ...value.items.map((i) => i.documentId)],
      byId: { ...s.byId, ...Object.fromEntries(value.items.map((i) => [i.documentId, i])) },
    }));
  },
  setStemming(stemming) {
    if (typeof localStorage !== 'undefined') localStorage.setItem(STEMMING_KEY, stemming ? 'on' : 'off');
    set({ stemming });
    const { query } = get();
    if (query) void get().run(query);
  },
  clear() {
    searchNumber++;
    set({ query: '', ids: [], byId: {}, total: 0, error: null });
  },
}));
