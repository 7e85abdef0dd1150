import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saturationCurve } from '../../shared/sample/saturation';
import type { SampleStatistics } from '../../shared/sample/statistics';
import { setApi } from '../../renderer/api/client';
import { SampleReports } from '../../renderer/features/sample/SampleReports';
import { createFakeApi } from '../fakeApi';

const statistics: SampleStatistics = {
  total: 3,
  perCategory: [
    { key: 'NGO staff', count: 2 },
    { key: 'uncategorised', count: 1 },
  ],
  perStatus: [{ key: 'interviewed', count: 3 }],
  perWave: [{ wave: 0, participants: 3, interviewed: 3 }],
  yieldPerSeed: [],
  contacted: 3,
  replied: 3,
  accepted: 3,
  responseRate: 1,
  acceptanceRate: 1,
  medianDaysToInterview: 4,
  daysToInterviewN: 3,
};

function renderReports() {
  setApi(
    createFakeApi({
      'sample.statistics': () => statistics,
      // Dates out of label order: the axis follows the interviews' order, not the labels'.
      'sample.saturation': () =>
        saturationCurve([
          { label: 'P02', date: '2024-03-01', codeIds: [1, 2] },
          { label: 'P01', date: '2024-02-01', codeIds: [1] },
          { label: 'P03', date: '2024-04-01', codeIds: [3] },
        ]),
      'sample.appendix': () => [],
      'sample.excluded': () => ({ documentIds: [], participants: [] }),
    }),
  );
  return render(<SampleReports />);
}

describe('sample reports', () => {
  it('heads the count column of the category and status tables', async () => {
    renderReports();
    const byCategory = await screen.findByRole('table', { name: 'By category' });
    expect(
      within(byCategory)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Category', 'Participants']);
    const byStatus = screen.getByRole('table', { name: 'By status' });
    expect(
      within(byStatus)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Status', 'Participants']);
  });

  it('labels the saturation curve’s x axis with the interviews, in interview order, and draws its legend', async () => {
    const { container } = renderReports();
    await screen.findByRole('img', { name: /^Saturation curve/ });
    const ticks = [...container.querySelectorAll('[data-axis="x"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(['P01', 'P02', 'P03']);
    const legend = [...container.querySelectorAll('.saturation-chart [data-legend-entry]')];
    expect(legend.map((e) => e.getAttribute('data-legend-entry'))).toEqual([
      'New codes in the interview',
      'Codes used so far',
    ]);
  });
});
