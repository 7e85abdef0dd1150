// The privacy review and scan as jobs in the UI: progress while they run, Cancel stops them; the offer
// after an export unlocks the key when needed and scans the written file.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/jobs';
import { setApi } from '../../renderer/api/client';
import { AnonymiseDocumentsDialog } from '../../renderer/features/privacy/AnonymiseDocumentsDialog';
import { ScanExportOffer } from '../../renderer/features/privacy/ScanExportOffer';
import { useAnonymiseReview } from '../../renderer/features/privacy/useAnonymiseReview';
import { usePrivacyScan } from '../../renderer/features/privacy/usePrivacyScan';
import { createFakeApi } from '../fakeApi';

const keyStatus = (unlocked: boolean) => ({ path: '/s/study.identity', exists: true, unlocked, entries: 1 });

describe('privacy jobs in the UI', () => {
  beforeEach(() => {
    usePrivacyScan.setState({ running: false, progress: null, files: [], result: null, error: null });
    useAnonymiseReview.setState({
      source: null,
      groups: [],
      files: [],
      progress: null,
      error: null,
      done: null,
    });
  });

  it('shows the review of imported documents going through them, and cancels it', async () => {
    let state: JobStatus['state'] = 'running';
    const api = createFakeApi({
      'sample.identity.status': () => keyStatus(true),
      'privacy.reviewDocuments.start': () => ({ jobId: 'r1' }),
      'jobs.status': ({ id }) => ({
        id,
        kind: 'privacy review',
        state,
        done: 2,
        total: 5,
        current: 'Interview 3',
      }),
      'jobs.cancel': ({ id }) => {
        state = 'cancelled';
        return { id, kind: 'privacy review', state, done: 2, total: 5, current: '' };
      },
    });
    setApi(api);
    render(<AnonymiseDocumentsDialog documentIds={[3, 4]} onClose={() => {}} />);
    const progress = await screen.findByRole('progressbar', { name: 'Review progress' });
    expect(progress.getAttribute('value')).toBe('2');
    expect(progress.getAttribute('max')).toBe('5');
    expect(screen.getByText(/Reading Interview 3 \(2 of 5\)/)).not.toBeNull();
    expect(api.calls.find((c) => c.name === 'privacy.reviewDocuments.start')?.args).toEqual({
      documentIds: [3, 4],
      decisions: { add: [] },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Review cancelled.')).not.toBeNull();
    expect(api.calls.filter((c) => c.name === 'jobs.cancel')).toEqual([
      { name: 'jobs.cancel', args: { id: 'r1' } },
    ]);
  });

  it('offers to scan an export: unlocks the key, scans the written file and names the hits', async () => {
    const api = createFakeApi({
      'sample.identity.status': () => keyStatus(false),
      'sample.identity.unlock': () => keyStatus(true),
      'privacy.scan.start': () => ({ jobId: 's1' }),
      'jobs.status': ({ id }) => ({
        id,
        kind: 'privacy scan',
        state: 'done',
        done: 3,
        total: 3,
        current: '',
        result: {
          hits: [{ where: 'evidence.docx', participant: 'P07', found: 'Whitfield' }],
          searched: { tables: 30, values: 120, files: ['/out/evidence.docx'] },
        },
      }),
    });
    setApi(api);
    render(<ScanExportOffer files={['/out/evidence.docx']} />);
    await userEvent.type(await screen.findByLabelText('Identity key passphrase'), 'correct horse{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: 'Scan the export for names' }));
    const hits = await screen.findByRole('list', { name: 'Privacy scan hits' });
    expect(hits.textContent).toBe('evidence.docx: “Whitfield” (P07)');
    await waitFor(() =>
      expect(api.calls.find((c) => c.name === 'privacy.scan.start')?.args).toEqual({
        files: ['/out/evidence.docx'],
      }),
    );
  });
});
