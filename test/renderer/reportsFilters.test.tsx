import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReportOptions } from '../../shared/api/reports';
import type { CooccurrenceReport } from '../../shared/reports/model';
import { setApi } from '../../renderer/api/client';
import { ReportsArea } from '../../renderer/features/reports/ReportsArea';
import { useReports } from '../../renderer/features/reports/useReports';
import { createFakeApi } from '../fakeApi';

const NAMES = [
  'Legitimacy',
  'Effectiveness',
  'Trust',
  'Mandate',
  'Funding',
  'Access',
  'Security',
  'Neutrality',
  'Liaison',
  'Training',
];
const code = (i: number) => ({
  codeId: i + 1,
  name: NAMES[i]!,
  path: [NAMES[i]!],
  color: '#123456',
  depth: 0,
});
const options: ReportOptions = {
  codes: NAMES.map((_, i) => ({ ...code(i), description: '' })),
  codeGroups: [],
  documentGroups: [
    { id: 7, name: 'NGOs', documentCount: 12 },
    { id: 8, name: 'Military', documentCount: 5 },
  ],
  categories: [],
  waves: [0, 1, 2],
  attributes: [],
  coders: [],
  years: null,
};
const report: CooccurrenceReport = {
  kind: 'cooccurrence',
  header: {
    title: 'Code co-occurrence',
    filters: [],
    documentCount: 1,
    segmentCount: 1,
    excludedWithdrawn: { participants: 0, documents: 0, segments: 0 },
    generatedAt: '2026-01-01T00:00:00.000Z',
  },
  unit: 'documents',
  withCoefficient: false,
  columns: [],
  rowGroups: [],
};

function renderReports() {
  const api = createFakeApi({ 'reports.options': () => options, 'reports.cooccurrence': () => report });
  setApi(api);
  render(<ReportsArea />);
  const lastFilters = () =>
    (api.calls.filter((c) => c.name === 'reports.cooccurrence').at(-1)?.args as { filters: unknown }).filters;
  return { lastFilters };
}

describe('report filters as checkbox lists', () => {
  beforeEach(() => useReports.setState({ tab: 'cooccurrence', report: null, cell: null, filters: {} }));

  it('ticks codes with the keyboard alone: open, narrow, arrows, Space, Escape', async () => {
    const { lastFilters } = renderReports();
    const codes = await screen.findByRole('button', { name: 'Codes all' });
    expect(codes.getAttribute('aria-expanded')).toBe('false');
    codes.focus();
    await userEvent.keyboard('{Enter}');
    const panel = screen.getByRole('group', { name: 'Codes' });
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(10);
    await userEvent.tab();
    expect(document.activeElement).toBe(within(panel).getByRole('searchbox', { name: 'Filter Codes' }));
    await userEvent.keyboard('t');
    // "t" narrows the list to the names containing it, in any case.
    expect(
      within(panel)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual(['Legitimacy', 'Effectiveness', 'Trust', 'Mandate', 'Security', 'Neutrality', 'Training']);
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(panel).getByRole('checkbox', { name: 'Legitimacy' }));
    await userEvent.keyboard(' {ArrowDown}{ArrowDown} ');
    await waitFor(() => expect(lastFilters()).toEqual({ codeIds: [1, 3] }));
    expect(within(panel).getByRole('checkbox', { name: 'Trust' })).toHaveProperty('checked', true);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Codes' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Codes 2 of 10' }));
  });

  it('All ticks the options shown, None unticks them; nothing ticked is no filter', async () => {
    const { lastFilters } = renderReports();
    await userEvent.click(await screen.findByRole('button', { name: 'Document groups all' }));
    const panel = screen.getByRole('group', { name: 'Document groups' });
    // Two groups: no filter box needed.
    expect(within(panel).queryByRole('searchbox')).toBeNull();
    await userEvent.click(within(panel).getByRole('button', { name: 'All' }));
    await waitFor(() => expect(lastFilters()).toEqual({ documentGroupIds: [7, 8] }));
    await userEvent.click(within(panel).getByRole('checkbox', { name: 'NGOs (12)' }));
    await waitFor(() => expect(lastFilters()).toEqual({ documentGroupIds: [8] }));
    expect(screen.getByRole('button', { name: 'Document groups Military (5)' })).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'None' }));
    await waitFor(() => expect(lastFilters()).toEqual({}));

    await userEvent.click(screen.getByRole('button', { name: 'Wave all' }));
    const waves = screen.getByRole('group', { name: 'Wave' });
    // Opening another list closes the first (a click outside it).
    expect(screen.queryByRole('group', { name: 'Document groups' })).toBeNull();
    await userEvent.click(within(waves).getByRole('checkbox', { name: '0 (seeds)' }));
    await waitFor(() => expect(lastFilters()).toEqual({ waves: [0] }));
    // Tabbing past the last option leaves the list and closes it.
    within(waves).getByRole('checkbox', { name: '2' }).focus();
    await userEvent.tab();
    expect(screen.queryByRole('group', { name: 'Wave' })).toBeNull();
  });
});
