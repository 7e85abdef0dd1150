import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantRow } from '../../shared/api/sample';
import { setApi } from '../../renderer/api/client';
import { SampleArea } from '../../renderer/features/sample/SampleArea';
import { useSample } from '../../renderer/features/sample/useSample';
import { createFakeApi } from '../fakeApi';

const row = (id: number, label: string, extra: Partial<ParticipantRow>): ParticipantRow => ({
  id,
  label,
  categoryId: null,
  category: null,
  status: 'identified',
  wave: 0,
  referredBy: [],
  lastContact: '2024-01-01',
  interviewDate: null,
  interviewMode: null,
  consentVersion: null,
  consentDate: null,
  documents: [],
  ...extra,
});

const ROWS = [
  row(1, 'P10', {
    status: 'interviewed',
    categoryId: 1,
    category: 'NGO representative',
    interviewDate: '2024-03-02',
  }),
  row(2, 'P2', { status: 'contacted', wave: 1, referredBy: [{ id: 1, label: 'P10' }] }),
  row(3, 'P1', {
    status: 'agreed',
    wave: 2,
    referredBy: [{ id: 2, label: 'P2' }],
    interviewDate: '2024-01-15',
  }),
  row(4, 'P3', {
    status: 'interviewed',
    categoryId: 2,
    category: 'ICRC representative',
    interviewDate: '2024-02-01',
  }),
];

function shownLabels(): string[] {
  const list = screen.getByRole('list', { name: 'Participants' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label')!);
}

describe('pipeline table', () => {
  beforeEach(() => {
    useSample.setState({ ids: [], byId: {}, selectedId: null, loaded: false });
    setApi(
      createFakeApi({
        'sample.list': () => ROWS,
        'sample.categories.list': () => [
          { id: 1, name: 'NGO representative', participants: 1 },
          { id: 2, name: 'ICRC representative', participants: 1 },
        ],
        'sample.identity.status': () => ({
          path: '/x/study.identity',
          exists: false,
          unlocked: false,
          entries: 0,
        }),
      }),
    );
  });

  it('sorts by label (numerically), by wave and by interview date, both ways', async () => {
    render(<SampleArea />);
    await waitFor(() => expect(shownLabels()).toEqual(['P1', 'P2', 'P3', 'P10']));
    const sortBy = screen.getByRole('toolbar', { name: 'Sort by' });
    await userEvent.click(within(sortBy).getByRole('button', { name: /Label/ }));
    expect(shownLabels()).toEqual(['P10', 'P3', 'P2', 'P1']);
    await userEvent.click(within(sortBy).getByRole('button', { name: /Wave/ }));
    expect(shownLabels()).toEqual(['P3', 'P10', 'P2', 'P1']);
    await userEvent.click(within(sortBy).getByRole('button', { name: /Interview/ }));
    expect(shownLabels()).toEqual(['P1', 'P3', 'P10', 'P2']);
    await userEvent.click(within(sortBy).getByRole('button', { name: /Interview/ }));
    // Descending, and the row without a date stays last.
    expect(shownLabels()).toEqual(['P10', 'P3', 'P1', 'P2']);
    const p2 = within(screen.getByRole('list', { name: 'Participants' })).getByRole('listitem', {
      name: 'P2',
    });
    expect(p2.querySelector('[data-column="referredBy"]')!.textContent).toBe('P10');
  });

  it('filters by text (label or referrer), status and category', async () => {
    render(<SampleArea />);
    await waitFor(() => expect(shownLabels()).toHaveLength(4));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter participants' }), 'p10');
    // P10 itself and P2, whom P10 referred.
    expect(shownLabels()).toEqual(['P2', 'P10']);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Filter participants' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status filter' }), 'interviewed');
    expect(shownLabels()).toEqual(['P3', 'P10']);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Category filter' }),
      'ICRC representative',
    );
    expect(shownLabels()).toEqual(['P3']);
    expect(screen.getByText('1 of 4')).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status filter' }), 'declined');
    expect(screen.getByText('No participants match.')).toBeTruthy();
  });
});
