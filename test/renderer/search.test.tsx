import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentGroup, SearchPage } from '../../shared/api/search';
import { setApi } from '../../renderer/api/client';
import { useSelection } from '../../renderer/app/useSelection';
import { GroupsPanel } from '../../renderer/features/search/GroupsPanel';
import { SearchPanel } from '../../renderer/features/search/SearchPanel';
import { useSearch } from '../../renderer/features/search/useSearch';
import { createFakeApi } from '../fakeApi';

const page: SearchPage = {
  query: 'nato',
  total: 1,
  offset: 0,
  items: [
    {
      documentId: 7,
      title: 'Press release 2011',
      kind: 'document',
      date: '2011',
      hitCount: 2,
      firstHit: { startUtf16: 40, endUtf16: 44 },
      snippets: [
        {
          text: 'the NATO summit and NATO',
          startUtf16: 36,
          highlights: [
            { start: 4, end: 8 },
            { start: 20, end: 24 },
          ],
          cutStart: true,
          cutEnd: false,
        },
      ],
    },
  ],
};

describe('SearchPanel', () => {
  beforeEach(() => {
    useSearch.setState({ query: '', filters: {}, ids: [], byId: {}, total: 0, error: null, loading: false });
    useSelection.setState({ documentId: null, target: null, searchQuery: null });
  });

  it('explains a malformed query without calling the backend', async () => {
    const api = createFakeApi({ 'documentGroups.list': () => [] });
    setApi(api);
    render(<SearchPanel />);
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search query' }),
      '"civilian casualties{Enter}',
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'search: unbalanced quote in "civilian casualties',
    );
    expect(api.calls.some((c) => c.name === 'search.run')).toBe(false);
  });

  it('lists results with counts and marked hits, opens the first hit and saves a group', async () => {
    const api = createFakeApi({
      'documentGroups.list': () => [],
      'search.run': () => page,
      'documentGroups.createFromSearch': ({ name, query }) => ({
        id: 3,
        name,
        query,
        description: '',
        createdAt: '',
        documentCount: 1,
      }),
    });
    setApi(api);
    render(<SearchPanel />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search query' }), 'nato{Enter}');
    const open = await screen.findByRole('button', { name: 'Open Press release 2011' });
    expect(open.textContent).toContain('2 hits');
    expect([...open.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['NATO', 'NATO']);
    expect(api.calls.find((c) => c.name === 'search.run')?.args).toMatchObject({ query: 'nato' });
    await userEvent.click(open);
    expect(useSelection.getState().documentId).toBe(7);
    expect(useSelection.getState().target).toMatchObject({ startUtf16: 40, endUtf16: 44 });
    expect(useSelection.getState().searchQuery).toBe('nato');
    await userEvent.click(screen.getByRole('button', { name: 'Save as group' }));
    const name = screen.getByRole('textbox', { name: 'Group name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'NATO docs');
    await userEvent.click(screen.getByRole('button', { name: 'Save group' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved group "NATO docs" (N = 1)');
    expect(api.calls.find((c) => c.name === 'documentGroups.createFromSearch')?.args).toEqual({
      name: 'NATO docs',
      query: 'nato',
      filters: {},
    });
  });
});

describe('GroupsPanel', () => {
  it('lists groups with N and creates one', async () => {
    let groups: DocumentGroup[] = [
      { id: 1, name: 'NGOs', description: '', query: 'ngo', createdAt: '', documentCount: 396 },
    ];
    setApi(
      createFakeApi({
        'documentGroups.list': () => groups,
        'documentGroups.create': ({ name }) => {
          const g = { id: 2, name, description: '', query: null, createdAt: '', documentCount: 0 };
          groups = [...groups, g];
          return g;
        },
      }),
    );
    render(<GroupsPanel />);
    const list = await screen.findByRole('list', { name: 'Groups' });
    expect(list.textContent).toContain('NGOs');
    expect(list.textContent).toContain('N = 396');
    await userEvent.type(screen.getByRole('textbox', { name: 'Group name' }), 'Speeches');
    await userEvent.click(screen.getByRole('button', { name: 'Create group' }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Groups' }).textContent).toContain('Speeches'),
    );
  });
});
