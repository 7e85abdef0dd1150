import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Code, CodeGroup, RetrievedSegment } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { setApi } from '../../renderer/api/client';
import { useNavigation } from '../../renderer/app/useNavigation';
import { useRevisions } from '../../renderer/app/useRevisions';
import { useSelection } from '../../renderer/app/useSelection';
import { useToasts } from '../../renderer/app/useToasts';
import { CodebookArea } from '../../renderer/features/codebook/CodebookArea';
import { useCodebook } from '../../renderer/features/codebook/useCodebook';
import { createFakeApi } from '../fakeApi';

const code = (
  id: number,
  name: string,
  parentId: number | null,
  position: number,
  extra: Partial<Code> = {},
): Code => ({
  id,
  parentId,
  name,
  color: '#4363D8',
  description: '',
  shortcut: null,
  position,
  segmentCount: 0,
  documentCount: 0,
  groupIds: [],
  ...extra,
});

/** A small in-memory codebook behind the real contract's types. */
function fakeCodebook() {
  let codes: Code[] = [
    code(1, 'Resource gaps', null, 0, { segmentCount: 2, documentCount: 1 }),
    code(2, 'Information', 1, 0, { segmentCount: 5, documentCount: 3 }),
    code(3, 'Public legitimacy', 1, 1),
    code(4, 'Stakeholder', null, 1),
  ];
  const groups: CodeGroup[] = [
    { id: 1, name: 'Resource concerns', description: '', position: 0, codeIds: [2] },
  ];
  let nextId = 10;
  const segment: RetrievedSegment = {
    id: 77,
    documentId: 5,
    codeId: 2,
    startUtf16: 120,
    endUtf16: 140,
    text: 'security briefings',
    memo: '',
    coder: 'ana',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    documentTitle: 'Interview 6',
    codeName: 'Information',
    before: 'we shared ',
    after: ' with them',
  };
  const api = createFakeApi({
    'codes.list': () => codes,
    'codeGroups.list': () => groups,
    'templates.list': () => [
      {
        name: 'nato-ngo-framework',
        title: 'NATO–NGO cooperation framework',
        description: '',
        codeCount: 34,
        groupCount: 6,
      },
    ],
    'undo.state': () => ({ undo: 'Create code X', redo: null }),
    'undo.undo': () => ({ label: 'Create code X', state: { undo: null, redo: 'Create code X' } }),
    'codes.create': ({ name, parentId }) => {
      if (
        codes.some((c) => c.name.toLowerCase() === name.toLowerCase() && c.parentId === (parentId ?? null))
      ) {
        throw new PassageError('conflict', `A code named ${name} already exists at the top level`);
      }
      const created = code(
        nextId++,
        name,
        parentId ?? null,
        codes.filter((c) => c.parentId === (parentId ?? null)).length,
      );
      codes = [...codes, created];
      return created;
    },
    'codes.update': ({ id, ...changes }) => {
      codes = codes.map((c) => (c.id === id ? { ...c, ...changes } : c));
      return codes.find((c) => c.id === id)!;
    },
    'codes.move': ({ id, parentId, position }) => {
      codes = codes.map((c) => (c.id === id ? { ...c, parentId, position } : c));
      return codes.find((c) => c.id === id)!;
    },
    'codes.usage': ({ id }) =>
      id === 1
        ? { codes: 3, segments: 7, documents: 3, memos: 0 }
        : { codes: 1, segments: 0, documents: 0, memos: 0 },
    'codes.delete': ({ id }) => {
      const gone = new Set([id, ...codes.filter((c) => c.parentId === id).map((c) => c.id)]);
      codes = codes.filter((c) => !gone.has(c.id));
      return { deletedCodes: gone.size, deletedSegments: 7 };
    },
    'segments.listByCode': ({ codeId }) =>
      codeId === 2 ? { total: 1, items: [segment] } : { total: 0, items: [] },
  });
  return api;
}

const tree = () => screen.getByRole('tree', { name: 'Codes' });
const rowNames = () =>
  within(tree())
    .queryAllByRole('treeitem')
    .map((li) => li.getAttribute('aria-label'));

describe('codebook area', () => {
  beforeEach(() => {
    useCodebook.setState({ status: 'idle', ids: [], byId: {}, groupIds: [], groupsById: {} });
    useSelection.setState({ documentId: null, target: null });
  });

  it('shows the tree with counts and filters by name keeping the path', async () => {
    setApi(fakeCodebook());
    render(<CodebookArea />);
    await waitFor(() =>
      expect(rowNames()).toEqual(['Resource gaps', 'Information', 'Public legitimacy', 'Stakeholder']),
    );
    const info = within(tree()).getByRole('treeitem', { name: 'Information' });
    expect(info.getAttribute('aria-level')).toBe('2');
    expect(within(info).getByTitle('5 segments in 3 documents').textContent).toBe('5');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter codes' }), 'legit');
    expect(rowNames()).toEqual(['Resource gaps', 'Public legitimacy']);
  });

  it('creates a code in place and shows the backend error for a duplicate', async () => {
    const api = fakeCodebook();
    setApi(api);
    render(<CodebookArea />);
    await waitFor(() => expect(rowNames()).toHaveLength(4));
    await userEvent.click(screen.getByRole('button', { name: 'New code' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'New code name' }), 'Pull factors{Enter}');
    await waitFor(() => expect(rowNames()).toContain('Pull factors'));
    expect(api.calls.find((c) => c.name === 'codes.create')?.args).toEqual({
      name: 'Pull factors',
      parentId: null,
    });
    expect(within(tree()).getByRole('treeitem', { name: 'Pull factors' }).getAttribute('aria-selected')).toBe(
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: 'New code' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'New code name' }), 'stakeholder{Enter}');
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'codes.create')).toHaveLength(2));
    expect(rowNames().filter((n) => n?.toLowerCase() === 'stakeholder')).toHaveLength(1);
    await waitFor(() =>
      expect(useToasts.getState().toasts.at(-1)?.message).toMatch(/A code named stakeholder already exists/),
    );
  });

  it('renames a code in place with a double click', async () => {
    const api = fakeCodebook();
    setApi(api);
    render(<CodebookArea />);
    const row = await within(await screen.findByRole('tree')).findByRole('treeitem', { name: 'Stakeholder' });
    await userEvent.dblClick(within(row).getByText('Stakeholder'));
    const field = screen.getByRole('textbox', { name: 'Rename Stakeholder' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Stakeholders{Enter}');
    await waitFor(() => expect(rowNames()).toContain('Stakeholders'));
    expect(api.calls.find((c) => c.name === 'codes.update')?.args).toEqual({ id: 4, name: 'Stakeholders' });
  });

  it('asks before deleting, saying how many segments go, and deletes only when confirmed', async () => {
    const api = fakeCodebook();
    setApi(api);
    render(<CodebookArea />);
    await userEvent.click(await within(await screen.findByRole('tree')).findByText('Resource gaps'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete code…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Resource gaps”?' });
    await waitFor(() =>
      expect(dialog.textContent).toMatch(
        /This deletes 7 segments in 3 documents, 2 sub-codes\. You can undo it/,
      ),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.calls.some((c) => c.name === 'codes.delete')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete code…' }));
    const again = await screen.findByRole('alertdialog');
    await waitFor(() =>
      expect(within(again).getByRole('button', { name: 'Delete' }).hasAttribute('disabled')).toBe(false),
    );
    await userEvent.click(within(again).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rowNames()).toEqual(['Stakeholder']));
    expect(api.calls.find((c) => c.name === 'codes.delete')?.args).toEqual({ id: 1 });
  });

  it('reorders with Alt+arrow keys', async () => {
    const api = fakeCodebook();
    setApi(api);
    render(<CodebookArea />);
    await userEvent.click(await within(await screen.findByRole('tree')).findByText('Public legitimacy'));
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() =>
      expect(api.calls.find((c) => c.name === 'codes.move')?.args).toEqual({
        id: 3,
        parentId: 1,
        position: 0,
      }),
    );
    await userEvent.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(() =>
      expect(api.calls.filter((c) => c.name === 'codes.move').at(-1)?.args).toEqual({
        id: 3,
        parentId: null,
        position: 1,
      }),
    );
  });

  it('lists retrieved segments with context and opens the document at one', async () => {
    setApi(fakeCodebook());
    render(<CodebookArea />);
    await userEvent.click(await within(await screen.findByRole('tree')).findByText('Information'));
    const list = await screen.findByRole('region', { name: 'Retrieved segments' });
    const item = await within(list).findByRole('button', { name: /Interview 6/ });
    expect(item.textContent).toContain('…we shared security briefings with them…');
    await userEvent.click(item);
    expect(useSelection.getState().documentId).toBe(5);
    expect(useSelection.getState().target).toMatchObject({ startUtf16: 120, endUtf16: 140 });
    expect(useNavigation.getState().area).toBe('documents');
  });

  it('undoes with Ctrl+Z and tells the views to reload', async () => {
    const api = fakeCodebook();
    setApi(api);
    render(<CodebookArea />);
    await waitFor(() => expect(rowNames()).toHaveLength(4));
    const before = useRevisions.getState().revisions;
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(api.calls.some((c) => c.name === 'undo.undo')).toBe(true));
    await waitFor(() => expect(useRevisions.getState().revisions.segments).toBe(before.segments + 1));
    expect(useRevisions.getState().revisions.codes).toBe(before.codes + 1);
    // Typing in a field keeps the browser's own text undo.
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter codes' }), 'x{Control>}z{/Control}');
    expect(api.calls.filter((c) => c.name === 'undo.undo')).toHaveLength(1);
  });
});
