import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReviewGroup } from '../../shared/privacy/plan';
import { setApi } from '../../renderer/api/client';
import { AnonymiseReview } from '../../renderer/features/privacy/AnonymiseReview';
import { createFakeApi } from '../fakeApi';

const group = (
  key: string,
  kind: ReviewGroup['kind'],
  surface: string,
  replacement: string,
): ReviewGroup => ({
  key,
  kind,
  surface,
  replacement,
  accepted: true,
  occurrences: [
    {
      file: 'a.txt',
      startUtf16: 3,
      endUtf16: 3 + surface.length,
      before: 'as ',
      after: ' said',
      accepted: true,
    },
  ],
});

describe('anonymisation review', () => {
  it('is driven from the keyboard and imports with the decisions made', async () => {
    const review = {
      groups: [
        group('participant:whitfield', 'participant', 'Whitfield', '[P07]'),
        group('place:kabul', 'place', 'Kabul', '[Place 1]'),
        group('person:hannah schmidt', 'person', 'Hannah Schmidt', '[Person 1]'),
      ],
      files: [{ name: 'a.txt', words: 10 }],
      failed: [],
    };
    // The review runs as a job (progress, cancel); so does the import.
    const api = createFakeApi({
      'privacy.review.start': () => ({ jobId: 'review' }),
      'privacy.import': () => ({ jobId: 'import' }),
      'jobs.status': ({ id }) => ({
        id,
        kind: id,
        state: 'done',
        done: 1,
        total: 1,
        current: '',
        result: id === 'review' ? review : { imported: [{}] },
      }),
    });
    setApi(api);
    render(<AnonymiseReview />);
    await userEvent.type(screen.getByLabelText('Files to anonymise, one path per line'), '/in/a.txt');
    await userEvent.click(screen.getByRole('button', { name: 'Find identifiers' }));
    const list = await screen.findByRole('listbox', { name: 'Findings' });
    list.focus();
    await userEvent.keyboard('{ArrowDown} '); // keep Kabul
    await userEvent.keyboard('{ArrowDown}e');
    const edit = screen.getByLabelText('Replacement for Hannah Schmidt');
    await userEvent.clear(edit);
    await userEvent.type(edit, '[[the driver]{Enter}');
    expect(screen.getByRole('option', { name: 'Kabul' }).getAttribute('aria-selected')).toBe('false');
    expect((screen.getByLabelText('Replace Kabul') as HTMLInputElement).checked).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Import anonymised' }));
    await waitFor(() =>
      expect(screen.queryByRole('status')?.textContent).toBe('Imported 1 anonymised file(s).'),
    );
    const imported = api.calls.find((c) => c.name === 'privacy.import')!.args;
    expect(imported).toEqual({
      paths: ['/in/a.txt'],
      decisions: { reject: ['Kabul'], replace: { 'Hannah Schmidt': '[the driver]' }, rejectAt: [], add: [] },
    });
  });
});
