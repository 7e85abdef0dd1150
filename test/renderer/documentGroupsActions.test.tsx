import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api/documents';
import type { DocumentGroup } from '../../shared/api/search';
import { setApi } from '../../renderer/api/client';
import { useRevisions } from '../../renderer/app/useRevisions';
import { useSelection } from '../../renderer/app/useSelection';
import { DocumentList } from '../../renderer/features/documents/DocumentList';
import { useDocuments } from '../../renderer/features/documents/useDocuments';
import { createFakeApi } from '../fakeApi';

const doc = (id: number): DocumentSummary => ({
  id,
  title: `Doc ${id}`,
  kind: 'document',
  fileName: `doc-${id}.txt`,
  format: 'txt',
  date: null,
  year: null,
  author: null,
  pageCount: null,
  wordCount: 100,
  participantId: null,
  importedAt: '2026-01-01T00:00:00Z',
  segmentCount: 0,
  attributes: {},
});

/** A backend whose groups really change: membership is a set per group, so N is worked out, not stored. */
function groupsBackend(documentCount: number) {
  const documents = Array.from({ length: documentCount }, (_, i) => doc(i + 1));
  const members = new Map<number, Set<number>>([[1, new Set([50, 51, 52, 53, 54, 55, 56, 57, 58, 59])]]);
  const names = new Map<number, string>([[1, 'NGOs']]);
  const group = (id: number): DocumentGroup => ({
    id,
    name: names.get(id)!,
    description: '',
    query: null,
    createdAt: '',
    documentCount: members.get(id)!.size,
  });
  return createFakeApi({
    'documents.list': () => documents,
    'documentGroups.list': () => [...names.keys()].map(group),
    'documentGroups.addDocuments': ({ id, documentIds }) => {
      for (const d of documentIds) members.get(id)!.add(d);
      return group(id);
    },
    'documentGroups.removeDocuments': ({ id, documentIds }) => {
      for (const d of documentIds) members.get(id)!.delete(d);
      return group(id);
    },
    'documentGroups.create': ({ name, documentIds }) => {
      const id = names.size + 1;
      names.set(id, name);
      members.set(id, new Set(documentIds));
      return group(id);
    },
  });
}

const bar = () => screen.getByRole('group', { name: 'Selected documents' });

describe('document list: selection and group actions', () => {
  beforeEach(() => {
    useDocuments.setState({
      ids: [],
      byId: {},
      titleFilter: '',
      kindFilter: 'all',
      loaded: false,
      checked: {},
      anchorId: null,
    });
    useSelection.setState({ documentId: null, target: null });
  });

  it('adds a Shift-click range to a group and removes it again, with N updating', async () => {
    const api = groupsBackend(1000);
    setApi(api);
    const user = userEvent.setup();
    render(<DocumentList />);
    await screen.findByRole('checkbox', { name: 'Select Doc 2' });
    // Still virtualised: a thousand documents, a screenful of rows.
    expect(screen.getAllByRole('checkbox', { name: /^Select Doc / }).length).toBeLessThan(40);

    await user.click(screen.getByRole('checkbox', { name: 'Select Doc 2' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Doc 5' }));
    await user.keyboard('{/Shift}');
    expect(within(bar()).getByText('4 of 1000 selected')).toBeTruthy();
    // Clicking the title still opens the document, and does not change what is ticked.
    await user.click(screen.getByRole('button', { name: 'Open Doc 7' }));
    expect(useSelection.getState().documentId).toBe(7);

    const groups = within(bar()).getByRole('combobox', { name: 'Document group' });
    await within(groups).findByRole('option', { name: 'NGOs (N = 10)' });
    const revision = useRevisions.getState().revisions.groups;
    await user.selectOptions(groups, 'NGOs (N = 10)');
    await user.click(within(bar()).getByRole('button', { name: 'Add to group' }));
    expect(await within(bar()).findByText('Added 4 documents to NGOs (N = 14).')).toBeTruthy();
    expect(api.calls.find((c) => c.name === 'documentGroups.addDocuments')?.args).toEqual({
      id: 1,
      documentIds: [2, 3, 4, 5],
    });
    expect(useRevisions.getState().revisions.groups).toBe(revision + 1);
    await within(groups).findByRole('option', { name: 'NGOs (N = 14)' });

    // Shift-click unticks a range too: from Doc 5 (the anchor) back to Doc 4.
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Doc 4' }));
    await user.keyboard('{/Shift}');
    expect(within(bar()).getByText('2 of 1000 selected')).toBeTruthy();
    await user.click(within(bar()).getByRole('button', { name: 'Remove from group' }));
    expect(await within(bar()).findByText('Removed 2 documents from NGOs (N = 12).')).toBeTruthy();
    expect(api.calls.find((c) => c.name === 'documentGroups.removeDocuments')?.args).toEqual({
      id: 1,
      documentIds: [2, 3],
    });
    await within(groups).findByRole('option', { name: 'NGOs (N = 12)' });
  });

  it('puts every listed document, rendered or not, into a new group', async () => {
    const api = groupsBackend(300);
    setApi(api);
    const user = userEvent.setup();
    render(<DocumentList />);
    await screen.findByRole('checkbox', { name: 'Select Doc 1' });
    await user.click(within(bar()).getByRole('checkbox', { name: 'Select all documents' }));
    expect(within(bar()).getByText('300 of 300 selected')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Select Doc 3' }));
    expect(within(bar()).getByText('299 of 300 selected')).toBeTruthy();
    const all = within(bar()).getByRole('checkbox', { name: 'Select all documents' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);

    const groups = within(bar()).getByRole('combobox', { name: 'Document group' });
    await within(groups).findByRole('option', { name: 'NGOs (N = 10)' });
    await user.selectOptions(groups, 'New group…');
    const add = within(bar()).getByRole('button', { name: 'Add to group' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(
      (within(bar()).getByRole('button', { name: 'Remove from group' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.type(within(bar()).getByRole('textbox', { name: 'New group name' }), 'Corpus');
    await user.click(add);
    expect(await within(bar()).findByText('Added 299 documents to Corpus (N = 299).')).toBeTruthy();
    const expected = Array.from({ length: 300 }, (_, i) => i + 1).filter((id) => id !== 3);
    expect(api.calls.find((c) => c.name === 'documentGroups.create')?.args).toEqual({
      name: 'Corpus',
      documentIds: expected,
    });
    await within(groups).findByRole('option', { name: 'Corpus (N = 299)' });

    await user.click(within(bar()).getByRole('button', { name: 'Clear selection' }));
    await waitFor(() => expect(within(bar()).getByText('Select all')).toBeTruthy());
    expect(
      (within(bar()).getByRole('checkbox', { name: 'Select all documents' }) as HTMLInputElement).checked,
    ).toBe(false);
    expect(within(bar()).queryByRole('button', { name: 'Add to group' })).toBeNull();
  });

  it('drops a ticked document that the title filter hides, so actions apply only to what is listed', async () => {
    const api = createFakeApi({
      'documents.list': ({ titleContains }) =>
        [doc(1), doc(2), doc(12)].filter((d) => !titleContains || d.title.includes(titleContains)),
      'documentGroups.list': () => [
        { id: 1, name: 'NGOs', description: '', query: null, createdAt: '', documentCount: 0 },
      ],
      'documentGroups.addDocuments': ({ id }) => ({
        id,
        name: 'NGOs',
        description: '',
        query: null,
        createdAt: '',
        documentCount: 1,
      }),
    });
    setApi(api);
    const user = userEvent.setup();
    render(<DocumentList />);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Doc 2' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Doc 12' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter documents by title' }), '1');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select Doc 2' })).toBeNull());
    expect(within(bar()).getByText('1 of 2 selected')).toBeTruthy();
    const groups = within(bar()).getByRole('combobox', { name: 'Document group' });
    await within(groups).findByRole('option', { name: 'NGOs (N = 0)' });
    await user.selectOptions(groups, 'NGOs (N = 0)');
    await user.click(within(bar()).getByRole('button', { name: 'Add to group' }));
    await within(bar()).findByText('Added 1 document to NGOs (N = 1).');
    expect(api.calls.find((c) => c.name === 'documentGroups.addDocuments')?.args).toEqual({
      id: 1,
      documentIds: [12],
    });
  });
});
