import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchFilters, SearchPage, SearchResultItem } from '../../shared/api/search';
import { setApi } from '../../renderer/api/client';
import { useSearch } from '../../renderer/features/search/useSearch';
import { createFakeApi } from '../fakeApi';

function item(documentId: number): SearchResultItem {
  return {
    documentId,
    title: `Document ${documentId}`,
    kind: 'document',
    date: null,
    hitCount: 1,
    firstHit: null,
    snippets: [],
  };
}

/** A page of the search whose documents are numbered from `first` (interviews from 1000). */
function page(filters: SearchFilters | undefined, offset: number, limit: number): SearchPage {
  const total = filters?.kind === 'interview' ? 3 : 120;
  const first = (filters?.kind === 'interview' ? 1000 : 1) + offset;
  const count = Math.max(0, Math.min(limit, total - offset));
  return {
    query: 'nato',
    stemming: true,
    matching: 'Matching word forms (English stemming)',
    total,
    offset,
    items: Array.from({ length: count }, (_, i) => item(first + i)),
  };
}

/** search.run answers held back until the test lets each one through, in the order it chooses. */
function heldBackend(): { release(index: number): Promise<void>; pending: number } {
  const waiting: (() => void)[] = [];
  const api = createFakeApi({
    'documentGroups.list': () => [],
    'search.run': (args) =>
      new Promise<SearchPage>((resolve) => {
        waiting.push(() => resolve(page(args.filters, args.offset ?? 0, args.limit ?? 50)));
      }),
  });
  setApi(api);
  return {
    get pending() {
      return waiting.length;
    },
    async release(index) {
      waiting[index]!();
      // Let the store's await continue.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('search results paging', () => {
  beforeEach(() => {
    useSearch.setState({ query: '', filters: {}, ids: [], byId: {}, total: 0, error: null, loading: false });
  });

  it('never appends a page of the previous filters to a newer search that answered first', async () => {
    const backend = heldBackend();
    const first = useSearch.getState().run('nato', { kind: 'document' });
    await backend.release(0);
    await first;
    expect(useSearch.getState().ids).toHaveLength(50);
    const more = useSearch.getState().loadMore(); // documents 51–100 of the old filters
    const newer = useSearch.getState().run('nato', { kind: 'interview' });
    await backend.release(2); // the interviews answer first …
    await newer;
    await backend.release(1); // … then the old page arrives
    await more;
    const { ids, total } = useSearch.getState();
    expect(total).toBe(3);
    expect(ids).toEqual([1000, 1001, 1002]);
  });

  it('keeps the newest search when an older one with the same query answers last', async () => {
    const backend = heldBackend();
    const older = useSearch.getState().run('nato', { kind: 'document' });
    const newer = useSearch.getState().run('nato', { kind: 'interview' });
    await backend.release(1);
    await backend.release(0);
    await Promise.all([older, newer]);
    expect(useSearch.getState().ids).toEqual([1000, 1001, 1002]);
    expect(useSearch.getState().filters).toEqual({ kind: 'interview' });
    expect(useSearch.getState().loading).toBe(false);
  });

  it('loads the next pages in order until the total', async () => {
    const backend = heldBackend();
    const first = useSearch.getState().run('nato', {});
    await backend.release(0);
    await first;
    for (let k = 1; k <= 2; k++) {
      const more = useSearch.getState().loadMore();
      await backend.release(k);
      await more;
    }
    const { ids } = useSearch.getState();
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    await useSearch.getState().loadMore();
    expect(backend.pending).toBe(3);
  });
});
