import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api/documents';
import { setApi } from '../../renderer/api/client';
import { useRevisions } from '../../renderer/app/useRevisions';
import { useSelection } from '../../renderer/app/useSelection';
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
