import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PagedEvidenceReport, ReportOptions } from '../../shared/api/reports';
import type { EvidenceItem } from '../../shared/reports/model';
import { setApi } from '../../renderer/api/client';
import { ReportsArea } from '../../renderer/features/reports/ReportsArea';
import { useReports } from '../../renderer/features/reports/useReports';
import { EVIDENCE_PAGE_SIZE } from '../../shared/reports/evidence';
import { createFakeApi } from '../fakeApi';

const options: ReportOptions = {
  codes: [],
  codeGroups: [],
  documentGroups: [],
  categories: [],
  waves: [],
  attributes: [],
  coders: [],
  years: null,
};

const quote = (n: number): EvidenceItem => ({
  segmentId: 100 + n,
  codeId: 3,
  documentId: 44,
  documentTitle: 'Transcript',
  documentKind: 'interview',
  participantLabel: 'Interview 2',
  documentDate: '2019',
  year: 2019,
  startUtf16: n * 10,
  endUtf16: n * 10 + 5,
  text: `quote ${n}`,
  memo: '',
  coder: 'ana',
  citation: { label: 'Interview 2', speaker: null, page: null },
  citationText: 'Interview 2',
});
const all = [1, 2, 3, 4, 5].map(quote);

function evidence(pageSize: number | undefined): PagedEvidenceReport {
  const items = pageSize === undefined ? all : all.slice(0, 2);
  return {
    kind: 'evidence',
    header: {
      title: 'Evidence by code',
      filters: ['All documents'],
      documentCount: 1,
      segmentCount: 5,
      excludedWithdrawn: { participants: 0, documents: 0, segments: 0 },
      generatedAt: '2026-01-01T00:00:00.000Z',
    },
    sort: 'document',
    codes: [
      {
        code: { codeId: 3, name: 'Formal', path: ['Formal'], color: '#123456', depth: 0 },
        description: '',
        segmentCount: 5,
        documentCount: 1,
        citations: 'interview 2',
        items,
        nextOffset: pageSize === undefined ? null : 2,
      },
    ],
  };
}

describe('Reports area: evidence in pages', () => {
  beforeEach(() =>
    useReports.setState({
      tab: 'evidence',
      report: null,
      cell: null,
      filters: {},
      loadingMore: [],
      options: null,
    }),
  );

  it('asks for fewer quotes a code on the first paint when the whole 60-code codebook is shown', async () => {
    const codes = Array.from({ length: 60 }, (_, i) => ({
      codeId: i + 1,
      name: `Code ${i + 1}`,
      path: [`Code ${i + 1}`],
      color: '#123456',
      depth: 0,
      description: '',
    }));
    const api = createFakeApi({
      'reports.options': () => ({ ...options, codes }),
      'reports.evidence': ({ pageSize }) => evidence(pageSize),
    });
    setApi(api);
    render(<ReportsArea />);
    await screen.findByText('2 of 5 shown');
    // The first run on opening waits for the codebook rather than asking for 200 quotes of each code.
    expect(api.calls.filter((c) => c.name === 'reports.evidence').map((c) => c.args)).toEqual([
      { filters: {}, sort: 'document', pageSize: 30 },
    ]);
    useReports.getState().setFilters({ codeIds: [3] });
    await expect
      .poll(() => api.calls.filter((c) => c.name === 'reports.evidence').at(-1)?.args)
      .toMatchObject({ filters: { codeIds: [3] }, pageSize: EVIDENCE_PAGE_SIZE });
  }, 20_000);

  it('shows the first page, then the next pages by "Show more" in order', async () => {
    const user = userEvent.setup();
    const api = createFakeApi({
      'reports.options': () => options,
      'reports.evidence': ({ pageSize }) => evidence(pageSize),
      // The fake pages by 2 whatever is asked, like a backend with a small page.
      'reports.evidencePage': ({ offset }) => ({
        codeId: 3,
        offset,
        items: all.slice(offset, offset + 2),
        segmentCount: 5,
        nextOffset: offset + 2 < 5 ? offset + 2 : null,
      }),
    });
    setApi(api);
    render(<ReportsArea />);
    const list = await screen.findByRole('list', { name: 'Evidence for Formal' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('2 of 5 shown')).toBeTruthy();
    expect(api.calls.find((c) => c.name === 'reports.evidence')?.args).toMatchObject({
      pageSize: EVIDENCE_PAGE_SIZE,
    });

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('4 of 5 shown');
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('button', { name: '“quote 5”' });
    expect(
      within(screen.getByRole('list', { name: 'Evidence for Formal' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['“quote 1”', '“quote 2”', '“quote 3”', '“quote 4”', '“quote 5”']);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(api.calls.filter((c) => c.name === 'reports.evidencePage').map((c) => c.args)).toEqual([
      { filters: {}, sort: 'document', codeId: 3, offset: 2, pageSize: EVIDENCE_PAGE_SIZE },
      { filters: {}, sort: 'document', codeId: 3, offset: 4, pageSize: EVIDENCE_PAGE_SIZE },
    ]);
  }, 20_000);

  it('copies the whole list while only the first page is shown', async () => {
    const user = userEvent.setup();
    const api = createFakeApi({
      'reports.options': () => options,
      'reports.evidence': ({ pageSize }) => evidence(pageSize),
    });
    setApi(api);
    render(<ReportsArea />);
    await screen.findByText('2 of 5 shown');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await expect.poll(() => navigator.clipboard.readText()).toContain('quote 5');
    const asked = api.calls.filter((c) => c.name === 'reports.evidence').map((c) => c.args);
    expect(asked.at(-1)).not.toHaveProperty('pageSize');
  }, 20_000);
});
