import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  AutocodePreview,
  DocumentGroup,
  SearchFilterOptions,
  SearchPage,
} from '../../shared/api/search';
import { setApi } from '../../renderer/api/client';
import { useSelection } from '../../renderer/app/useSelection';
import { GroupsPanel } from '../../renderer/features/search/GroupsPanel';
import { SearchPanel } from '../../renderer/features/search/SearchPanel';
import { useSearch } from '../../renderer/features/search/useSearch';
import { createFakeApi } from '../fakeApi';

const page: SearchPage = {
  query: 'nato',
  stemming: true,
  matching: 'Matching word forms (English stemming)',
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
      stemming: true,
      filters: {},
    });
  });
  it('filters by two attribute conditions, for the results, the saved group and auto-coding alike', async () => {
    const filterOptions: SearchFilterOptions = {
      kinds: [{ kind: 'document', count: 3 }],
      years: { min: 2009, max: 2015 },
      attributes: [
        { name: 'region', type: 'text', values: ['Africa', 'Europe'] },
        { name: 'source', type: 'text', values: ['NGO', 'State'] },
      ],
      groups: [{ id: 5, name: 'Speeches', documentCount: 12 }],
    };
    const preview: AutocodePreview = {
      unit: 'sentence',
      documents: 1,
      hits: 2,
      segments: 2,
      segmentDocuments: 1,
      alreadyCoded: 0,
      outsideTurns: 0,
      code: { id: null, name: 'Alliance', exists: false },
    };
    const api = createFakeApi({
      'search.filterOptions': () => filterOptions,
      'search.run': () => page,
      'codes.list': () => [],
      'documentGroups.createFromSearch': ({ name, query }) => ({
        id: 9,
        name,
        query,
        description: '',
        createdAt: '',
        documentCount: 1,
      }),
      'autocode.preview': () => preview,
      'autocode.apply': () => ({ ...preview, codeId: 4, codeCreated: true, segmentsCreated: 2 }),
    });
    setApi(api);
    render(<SearchPanel />);
    // The group menu comes from the same options.
    expect(await screen.findByRole('option', { name: 'Speeches (N = 12)' })).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search query' }), 'nato{Enter}');
    await screen.findByRole('button', { name: 'Open Press release 2011' });

    const attributes = screen.getByRole('group', { name: 'Attributes' });
    const pick = async (name: string, value: string): Promise<void> => {
      await userEvent.selectOptions(
        within(attributes).getByRole('combobox', { name: 'Condition attribute' }),
        name,
      );
      await userEvent.selectOptions(
        within(attributes).getByRole('combobox', { name: 'Condition value' }),
        value,
      );
      await userEvent.click(within(attributes).getByRole('button', { name: 'Add condition' }));
    };
    await pick('region', 'Europe');
    await pick('source', 'NGO');
    const both = [
      { name: 'region', value: 'Europe' },
      { name: 'source', value: 'NGO' },
    ];
    // Each added condition runs the search again; the last run has both.
    await waitFor(() =>
      expect(api.calls.filter((c) => c.name === 'search.run').at(-1)?.args).toEqual({
        query: 'nato',
        filters: { attributes: both },
        stemming: true,
        limit: 50,
      }),
    );
    // Three runs, each the hit list (snippets: false) and then the same page with its snippets.
    const runs = api.calls
      .filter((c) => c.name === 'search.run')
      .map((c) => c.args as { snippets?: boolean });
    expect(runs.filter((args) => args.snippets === false)).toHaveLength(3);
    expect(runs.filter((args) => args.snippets === undefined)).toHaveLength(3);

    await userEvent.click(screen.getByRole('button', { name: 'Save as group' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save group' }));
    await screen.findByText('Saved group "nato" (N = 1)');
    expect(api.calls.find((c) => c.name === 'documentGroups.createFromSearch')?.args).toEqual({
      name: 'nato',
      query: 'nato',
      stemming: true,
      filters: { attributes: both },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));

    await userEvent.click(screen.getByRole('button', { name: 'Auto-code hits…' }));
    const dialog = screen.getByRole('form', { name: 'Auto-code hits' });
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Code' }), 'Alliance');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByText(/2 segments will be created in 1 documents/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await within(dialog).findByText(/Created 2 segments/);
    const expected = {
      query: 'nato',
      stemming: true,
      filters: { attributes: both },
      unit: 'sentence',
      codeName: 'Alliance',
    };
    expect(api.calls.find((c) => c.name === 'autocode.preview')?.args).toEqual(expected);
    expect(api.calls.find((c) => c.name === 'autocode.apply')?.args).toEqual(expected);

    // Removing one condition searches again with the other only.
    await userEvent.click(screen.getByRole('button', { name: 'Remove condition region = Europe' }));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.name === 'search.run').at(-1)?.args).toEqual({
        query: 'nato',
        filters: { attributes: [{ name: 'source', value: 'NGO' }] },
        stemming: true,
        limit: 50,
      }),
    );
    // A preview is for the filters it was asked with: changing them hides it (and its Apply).
    await userEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByText(/2 segments will be created/);
    expect(api.calls.filter((c) => c.name === 'autocode.preview').at(-1)?.args).toEqual({
      ...expected,
      filters: { attributes: [{ name: 'source', value: 'NGO' }] },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Remove condition source = NGO' }));
    await waitFor(() => expect(within(dialog).queryByText(/segments will be created/)).toBeNull());
    expect(within(dialog).queryByRole('button', { name: 'Apply' })).toBeNull();
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
