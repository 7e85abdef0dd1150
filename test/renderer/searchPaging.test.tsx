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

interface Held {
  kind: string | undefined;
  offset: number;
  snippets: boolean;
  answer(): void;
}

/** search.run answers held back until the test lets each one through, in the order it chooses. */
function heldBackend(): {
  release(kind: string | undefined, offset: number, snippets: boolean): Promise<void>;
  held: Held[];
} {
  const held: Held[] = [];
  setApi(
    createFakeApi({
      'documentGroups.list': () => [],
      'search.run': (args) =>
        new Promise<SearchPage>((resolve) => {
          const full = page(args.filters, args.offset ?? 0, args.limit ?? 50);
          const listOnly = args.snippets === false;
          held.push({
            kind: args.filters?.kind,
            offset: args.offset ?? 0,
            snippets: !listOnly,
            answer: () =>
              resolve(
                listOnly
                  ? {
                      ...full,
                      items: full.items.map((i) => ({ ...i, hitCount: null, firstHit: null, snippets: [] })),
                    }
                  : full,
              ),
          });
        }),
    }),
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    held,
    async release(kind, offset, snippets) {
      await settle();
      const at = held.findIndex((h) => h.kind === kind && h.offset === offset && h.snippets === snippets);
      expect(at, `a held search.run for ${kind} at ${offset}`).toBeGreaterThanOrEqual(0);
      held.splice(at, 1)[0]!.answer();
      await settle();
    },
  };
}

describe('search results paging', () => {
  beforeEach(() => {
    useSearch.setState({ query: '', filters: {}, ids: [], byId: {}, total: 0, error: null, loading: false });
  });

  it('shows the hit list before the counts and snippets, then fills them in', async () => {
    const backend = heldBackend();
    const search = useSearch.getState().run('nato', { kind: 'interview' });
    await backend.release('interview', 0, false);
    expect(useSearch.getState().ids).toEqual([1000, 1001, 1002]);
    expect(useSearch.getState().total).toBe(3);
    expect(useSearch.getState().byId[1000]!.hitCount).toBeNull();
    await backend.release('interview', 0, true);
    await search;
    expect(useSearch.getState().byId[1000]!.hitCount).toBe(1);
  });

  it('never appends a page of the previous filters to a newer search that answered first', async () => {
    const backend = heldBackend();
    const first = useSearch.getState().run('nato', { kind: 'document' });
    await backend.release('document', 0, false);
    await backend.release('document', 0, true);
    await first;
    expect(useSearch.getState().ids).toHaveLength(50);
    const more = useSearch.getState().loadMore(); // documents 51–100 of the old filters
    const newer = useSearch.getState().run('nato', { kind: 'interview' });
    await backend.release('interview', 0, false); // the interviews answer first …
    await backend.release('interview', 0, true);
    await newer;
    await backend.release('document', 50, true); // … then the old page arrives
    await more;
    const { ids, total, byId } = useSearch.getState();
    expect(total).toBe(3);
    expect(ids).toEqual([1000, 1001, 1002]);
    expect(Object.keys(byId).map(Number)).not.toContain(51);
  });

  it('keeps the newest search when an older one with the same query answers last', async () => {
    const backend = heldBackend();
    const older = useSearch.getState().run('nato', { kind: 'document' });
    const newer = useSearch.getState().run('nato', { kind: 'interview' });
    await backend.release('interview', 0, false);
    await backend.release('document', 0, false);
    await backend.release('interview', 0, true);
    await Promise.all([older, newer]);
    expect(useSearch.getState().ids).toEqual([1000, 1001, 1002]);
    expect(useSearch.getState().filters).toEqual({ kind: 'interview' });
    expect(useSearch.getState().loading).toBe(false);
    expect(backend.held).toEqual([]);
  });

  it('loads the next pages in order until the total', async () => {
    const backend = heldBackend();
    const first = useSearch.getState().run('nato', {});
    await backend.release(undefined, 0, false);
    await backend.release(undefined, 0, true);
    await first;
    for (const offset of [50, 100]) {
      const more = useSearch.getState().loadMore();
      await backend.release(undefined, offset, true);
      await more;
    }
    const { ids } = useSearch.getState();
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    await useSearch.getState().loadMore();
    expect(backend.held).toEqual([]);
  });
});
