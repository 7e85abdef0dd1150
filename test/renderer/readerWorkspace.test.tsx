import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Code } from '../../shared/api/coding';
import type { DocumentSummary } from '../../shared/api/documents';
import { setApi } from '../../renderer/api/client';
import { useRevisions } from '../../renderer/app/useRevisions';
import { useSelection } from '../../renderer/app/useSelection';
import userEvent from '@testing-library/user-event';
import { PassageError } from '../../shared/api/result';
import { useToasts } from '../../renderer/app/useToasts';
import { CodeDetails } from '../../renderer/features/codebook/CodeDetails';
import { CodeTree } from '../../renderer/features/codebook/CodeTree';
import { useCodebook } from '../../renderer/features/codebook/useCodebook';
import { DocumentList } from '../../renderer/features/documents/DocumentList';
import { useDocuments } from '../../renderer/features/documents/useDocuments';
import { createFakeApi } from '../fakeApi';

const doc = (id: number, title: string, segmentCount: number): DocumentSummary => ({
  id,
  title,
  kind: 'interview',
  fileName: `${title}.txt`,
  format: 'txt',
  date: '2019',
  year: 2019,
  author: null,
  pageCount: null,
  wordCount: 1200,
  participantId: null,
  importedAt: '2026-01-01T00:00:00Z',
  segmentCount,
  attributes: {},
});

describe('the workspace around the reader', () => {
  beforeEach(() => {
    useDocuments.setState({ ids: [], byId: {}, titleFilter: '', kindFilter: 'all', loaded: false });
    useSelection.setState({ documentId: null, target: null });
  });

  it('refreshes the document list’s segment counts when segments change, without leaving the view', async () => {
    let segments = 0;
    setApi(createFakeApi({ 'documents.list': () => [doc(1, 'Interview 07', segments)] }));
    render(<DocumentList />);
    const entry = await screen.findByRole('button', { name: 'Open Interview 07' });
    expect(entry.textContent).toContain('0 segments');
    // The reader codes a passage: it bumps the 'segments' revision, as useReader does.
    segments = 1;
    act(() => useRevisions.getState().bump('segments'));
    await waitFor(() => expect(entry.textContent).toContain('1 segment'));
    expect(entry.textContent).not.toContain('1 segments');
  });
});

describe('the search-hit bar', () => {
  it('stays with documents opened from the hit list and leaves when another document is opened', () => {
    const selection = useSelection.getState();
    selection.openDocument(1);
    // The hit list sets its query, then opens the document with the hit.
    useSelection.getState().setSearchQuery('NGO*');
    useSelection.getState().openDocument(2, { startUtf16: 10, endUtf16: 13 });
    expect(useSelection.getState().searchQuery).toBe('NGO*');
    // Elsewhere in the same document (a coded segment, say): the hits stay.
    useSelection.getState().openDocument(2, { startUtf16: 40, endUtf16: 50 });
    expect(useSelection.getState().searchQuery).toBe('NGO*');
    // Another document from the document list: the hits of the search do not follow.
    useSelection.getState().openDocument(3);
    expect(useSelection.getState().searchQuery).toBeNull();
  });
});

describe('the code tree’s count columns', () => {
  it('has a header, keeps the shortcut apart from the counts and rolls children up into parents', async () => {
    const make = (
      id: number,
      name: string,
      parentId: number | null,
      segmentCount: number,
      shortcut: string | null,
    ) =>
      ({
        id,
        parentId,
        name,
        color: '#336699',
        description: '',
        shortcut,
        position: id,
        segmentCount,
        documentCount: segmentCount > 0 ? 1 : 0,
        groupIds: [],
      }) satisfies Code;
    const codes = [
      make(1, 'Motives', null, 1, '3'),
      make(2, 'Push factors', 1, 2, null),
      make(3, 'Funding', 2, 4, null),
      make(4, 'Access', null, 0, null),
    ];
    useCodebook.setState({
      status: 'ready',
      ids: codes.map((c) => c.id),
      byId: Object.fromEntries(codes.map((c) => [c.id, c])),
    });
    render(
      <CodeTree
        filter=""
        selectedId={null}
        onSelect={() => {}}
        onRequestDelete={() => {}}
        creatingUnder={undefined}
        onCreateDone={() => {}}
      />,
    );
    const header = document.querySelector('.code-tree-header')!;
    expect([...header.children].map((e) => e.textContent)).toEqual(['Code', 'Key', 'Seg.', '+ sub', 'Docs']);
    const cells = (name: string) =>
      [...screen.getByRole('treeitem', { name }).querySelector('.code-tree-line')!.children]
        .slice(-4)
        .map((e) => e.textContent);
    // Key, own segments, segments with subcodes (parents only), documents: one column each.
    expect(cells('Motives')).toEqual(['3', '1', '7', '1']);
    expect(cells('Push factors')).toEqual(['', '2', '6', '1']);
    expect(cells('Funding')).toEqual(['', '4', '', '1']);
    expect(cells('Access')).toEqual(['', '0', '', '0']);
  });
});

describe('a refused code shortcut', () => {
  it('goes back to the code’s own key in the field, with the reason in a toast', async () => {
    const code: Code = {
      id: 2,
      parentId: null,
      name: 'Pull factors',
      color: '#336699',
      description: '',
      shortcut: '2',
      position: 0,
      segmentCount: 0,
      documentCount: 0,
      groupIds: [],
    };
    setApi(
      createFakeApi({
        'codes.update': () => {
          throw new PassageError('conflict', 'shortcut 1 is already the key of “Push factors”');
        },
        'segments.listByCode': () => ({ total: 0, items: [] }),
      }),
    );
    useCodebook.setState({ status: 'ready', ids: [2], byId: { 2: code }, groupIds: [], groupsById: {} });
    render(<CodeDetails codeId={2} onRequestDelete={() => {}} />);
    const field = screen.getByRole('textbox', { name: 'Shortcut key' });
    await userEvent.clear(field);
    await userEvent.type(field, '1{Enter}');
    await waitFor(() =>
      expect(useToasts.getState().toasts.map((t) => t.message)).toContain(
        'shortcut 1 is already the key of “Push factors”',
      ),
    );
    await waitFor(() => expect((field as HTMLInputElement).value).toBe('2'));
  });
});
