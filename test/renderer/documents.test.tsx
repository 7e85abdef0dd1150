import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary, ImportSummary } from '../../shared/api/documents';
import type { JobStatus } from '../../shared/api/jobs';
import { setApi } from '../../renderer/api/client';
import { useSelection } from '../../renderer/app/useSelection';
import { DocumentList } from '../../renderer/features/documents/DocumentList';
import { useDocuments } from '../../renderer/features/documents/useDocuments';
import { createFakeApi } from '../fakeApi';

const doc = (id: number, title: string): DocumentSummary => ({
  id,
  title,
  kind: 'interview',
  fileName: `${title}.txt`,
  format: 'txt',
  date: '2019',
  year: 2019,
  author: null,
  pageCount: null,
  wordCount: 1200 + id,
  participantId: null,
  importedAt: '2026-01-01T00:00:00Z',
  segmentCount: id,
  attributes: {},
});

describe('document list and import dialog', () => {
  beforeEach(() => {
    useDocuments.setState({ ids: [], byId: {}, titleFilter: '', kindFilter: 'all', loaded: false });
    useSelection.setState({ documentId: null, target: null });
  });

  it('imports a typed folder path, shows the failures with reasons and reloads the list', async () => {
    let documents: DocumentSummary[] = [];
    const summary: ImportSummary = {
      imported: [{ name: 'corpus/a.txt', documentId: 1, title: 'a' }],
      duplicates: [{ name: 'corpus/b.txt', existingDocumentId: 1, existingTitle: 'a' }],
      failed: [
        { name: 'corpus/minutes.docx', reason: 'file is password-protected' },
        { name: 'corpus/scan.pdf', reason: 'no text layer — run OCR first' },
      ],
      groupId: null,
      cancelled: false,
    };
    let polls = 0;
    const api = createFakeApi({
      'documents.list': () => documents,
      'documents.import': () => ({ jobId: 'job-1' }),
      'jobs.status': (): JobStatus => {
        polls++;
        if (polls < 2)
          return {
            id: 'job-1',
            kind: 'import',
            state: 'running',
            done: 1,
            total: 4,
            current: 'corpus/b.txt',
          };
        documents = [doc(1, 'a')];
        return {
          id: 'job-1',
          kind: 'import',
          state: 'done',
          done: 4,
          total: 4,
          current: '',
          result: summary,
        };
      },
    });
    setApi(api);
    render(<DocumentList />);
    await screen.findByText(/No documents yet/);
    await userEvent.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import documents' });
    await userEvent.type(within(dialog).getByLabelText(/paths/), '/data/corpus');
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind'), 'interview');
    await userEvent.type(within(dialog).getByLabelText(/group/), 'Wave 1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    const failed = await within(dialog).findByRole('list', { name: 'Failed files' }, { timeout: 3000 });
    expect(
      within(failed)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'corpus/minutes.docx: file is password-protected',
      'corpus/scan.pdf: no text layer — run OCR first',
    ]);
    expect(within(dialog).getByText('Imported 1, skipped 1 duplicate(s), failed 2.')).toBeTruthy();
    expect(api.calls.find((c) => c.name === 'documents.import')?.args).toEqual({
      paths: ['/data/corpus'],
      kind: 'interview',
      groupName: 'Wave 1',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Open a' }));
    expect(useSelection.getState().documentId).toBe(1);
  });

  it('keeps the filter typed while the whole list was on its way, when that list answers last', async () => {
    let releaseWhole = () => {};
    const whole = new Promise<void>((resolve) => (releaseWhole = resolve));
    setApi(
      createFakeApi({
        'documents.list': async ({ titleContains }) => {
          // A large corpus: the first, unfiltered list takes longer than the filtered one typed after it.
          if (!titleContains) await whole;
          return [doc(1, 'Alpha'), doc(2, 'Beta')].filter(
            (d) => !titleContains || d.title.includes(titleContains),
          );
        },
      }),
    );
    render(<DocumentList />);
    await userEvent.type(screen.getByLabelText('Filter documents by title'), 'Al');
    await screen.findByRole('button', { name: 'Open Alpha' });
    releaseWhole();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: 'Open Beta' })).toBeNull();
    expect(useDocuments.getState().ids).toEqual([1]);
  });

  it('uploads picked files as base64 and filters the list by title', async () => {
    const api = createFakeApi({
      'documents.list': ({ titleContains }) =>
        [doc(1, 'Alpha'), doc(2, 'Beta')].filter((d) => !titleContains || d.title.includes(titleContains)),
      'documents.import': () => ({ jobId: 'job-2' }),
      'jobs.status': () => ({
        id: 'job-2',
        kind: 'import',
        state: 'done',
        done: 1,
        total: 1,
        current: '',
        result: { imported: [], duplicates: [], failed: [], groupId: null, cancelled: false },
      }),
    });
    setApi(api);
    render(<DocumentList />);
    await screen.findByRole('button', { name: 'Open Beta' });
    await userEvent.type(screen.getByLabelText('Filter documents by title'), 'Al');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Open Beta' })).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Import…' }));
    const file = new File(['Q: hi'], 'note é.txt', { type: 'text/plain' });
    await userEvent.upload(screen.getByLabelText('Choose files'), file);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(api.calls.some((c) => c.name === 'documents.import')).toBe(true));
    const args = api.calls.find((c) => c.name === 'documents.import')!.args as {
      files: { name: string; dataBase64: string }[];
    };
    expect(args.files).toEqual([{ name: 'note é.txt', dataBase64: btoa('Q: hi') }]);
  });
});
