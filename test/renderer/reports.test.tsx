import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReportOptions } from '../../shared/api/reports';
import type {
  CellEvidence,
  CooccurrenceReport,
  EvidenceItem,
  ReportHeader,
} from '../../shared/reports/model';
import { setApi } from '../../renderer/api/client';
import { useNavigation } from '../../renderer/app/useNavigation';
import { useSelection } from '../../renderer/app/useSelection';
import { ReportsArea } from '../../renderer/features/reports/ReportsArea';
import { useReports } from '../../renderer/features/reports/useReports';
import { createFakeApi } from '../fakeApi';

const header: ReportHeader = {
  title: 'Code co-occurrence',
  filters: ['Document group: NGOs', 'Withdrawn participants excluded'],
  documentCount: 396,
  segmentCount: 1200,
  excludedWithdrawn: { participants: 0, documents: 0, segments: 0 },
  generatedAt: '2026-01-01T00:00:00.000Z',
};
const code = (codeId: number, name: string) => ({ codeId, name, path: [name], color: '#123456', depth: 0 });
const report: CooccurrenceReport = {
  kind: 'cooccurrence',
  header,
  unit: 'documents',
  withCoefficient: false,
  columns: [
    { code: code(1, 'Legitimacy'), n: 120 },
    { code: code(2, 'Effectiveness'), n: 95 },
  ],
  rowGroups: [
    {
      caption: 'Level of cooperation',
      codeGroupId: 7,
      rows: [
        {
          code: code(3, 'Formal'),
          n: 40,
          cells: [
            { columnCodeId: 1, count: 12 },
            { columnCodeId: 2, count: 5 },
          ],
        },
      ],
    },
  ],
};
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
const item: EvidenceItem = {
  segmentId: 9,
  codeId: 3,
  documentId: 44,
  documentTitle: 'Transcript',
  documentKind: 'interview',
  participantLabel: 'Interview 2',
  documentDate: '2019',
  year: 2019,
  startUtf16: 100,
  endUtf16: 140,
  text: 'we signed a memorandum',
  memo: '',
  coder: 'ana',
  citation: { label: 'Interview 2', speaker: null, page: null },
  citationText: 'Interview 2',
};

describe('Reports area: co-occurrence', () => {
  beforeEach(() => useReports.setState({ tab: 'cooccurrence', report: null, cell: null, filters: {} }));

  it('shows N in headers and group captions, and a clicked cell lists its evidence that opens the passage', async () => {
    const api = createFakeApi({
      'reports.options': () => options,
      'reports.cooccurrence': () => report,
      'reports.cellEvidence': (): CellEvidence => ({
        header,
        caption: 'Formal × Legitimacy (documents)',
        items: [item],
        otherItems: [],
      }),
    });
    setApi(api);
    render(<ReportsArea />);
    const table = await screen.findByRole('table', { name: 'Code co-occurrence' });
    expect(within(table).getByRole('columnheader', { name: 'Legitimacy (N = 120)' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Level of cooperation' })).toBeTruthy();
    expect(screen.getByText(/N = 396 documents, 1200 segments/)).toBeTruthy();

    await userEvent.click(within(table).getByRole('button', { name: 'Formal × Legitimacy: 12' }));
    const panel = await screen.findByRole('region', { name: 'Cell evidence' });
    expect(within(panel).getByRole('heading', { name: 'Formal × Legitimacy (documents)' })).toBeTruthy();
    const cellCall = api.calls.find((c) => c.name === 'reports.cellEvidence');
    expect(cellCall?.args).toEqual({
      filters: {},
      cell: { report: 'cooccurrence', rowCodeId: 3, columnCodeId: 1, unit: 'documents' },
    });

    await userEvent.click(within(panel).getByRole('button', { name: '“we signed a memorandum”' }));
    expect(useSelection.getState().documentId).toBe(44);
    expect(useSelection.getState().target).toMatchObject({ startUtf16: 100, endUtf16: 140 });
    expect(useNavigation.getState().area).toBe('documents');
  });

  it('keeps the report when its own tab is clicked again', async () => {
    setApi(createFakeApi({ 'reports.options': () => options, 'reports.cooccurrence': () => report }));
    render(<ReportsArea />);
    await screen.findByRole('table', { name: 'Code co-occurrence' });
    const tab = screen.getByRole('tab', { selected: true });
    await userEvent.click(tab);
    expect(screen.getByRole('table', { name: 'Code co-occurrence' })).toBeTruthy();
  });

  it('asks for the overlapping-segments unit when chosen', async () => {
    const api = createFakeApi({ 'reports.options': () => options, 'reports.cooccurrence': () => report });
    setApi(api);
    render(<ReportsArea />);
    await screen.findByRole('table', { name: 'Code co-occurrence' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Count' }), 'segments');
    const last = api.calls.filter((c) => c.name === 'reports.cooccurrence').at(-1);
    expect(last?.args).toMatchObject({ unit: 'segments' });
  });
});

describe('Reports area: attribute conditions', () => {
  beforeEach(() => useReports.setState({ tab: 'cooccurrence', report: null, cell: null, filters: {} }));

  it('applies several conditions at once, document and participant, and drops a removed one', async () => {
    const api = createFakeApi({
      'reports.options': () => ({
        ...options,
        attributes: [
          { scope: 'document', name: 'region', type: 'text' },
          { scope: 'participant', name: 'region', type: 'text' },
          { scope: 'participant', name: 'sector', type: 'text' },
        ],
      }),
      'search.filterOptions': () => ({
        kinds: [],
        years: null,
        attributes: [{ name: 'Region', type: 'text', values: ['Africa', 'Europe'] }],
        groups: [],
      }),
      'reports.cooccurrence': () => report,
    });
    setApi(api);
    render(<ReportsArea />);
    await screen.findByRole('table', { name: 'Code co-occurrence' });
    const box = screen.getByRole('group', { name: 'Attributes' });
    const attribute = within(box).getByRole('combobox', { name: 'Condition attribute' });
    // Document and participant attributes of the same name stay apart.
    expect([...attribute.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'attribute…',
      'region',
      'participant: region',
      'participant: sector',
    ]);
    await userEvent.selectOptions(attribute, 'region');
    // Document attributes offer their known values (matched case-insensitively by name).
    await within(box).findByRole('option', { name: 'Europe' });
    await userEvent.selectOptions(within(box).getByRole('combobox', { name: 'Condition value' }), 'Europe');
    await userEvent.click(within(box).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(attribute, 'participant: sector');
    await userEvent.selectOptions(
      within(box).getByRole('combobox', { name: 'Condition comparison' }),
      'contains',
    );
    await userEvent.type(within(box).getByRole('textbox', { name: 'Condition value' }), 'ngo{Enter}');
    await userEvent.selectOptions(attribute, 'participant: region');
    await userEvent.selectOptions(within(box).getByRole('combobox', { name: 'Condition comparison' }), 'ne');
    await userEvent.type(within(box).getByRole('textbox', { name: 'Condition value' }), 'Asia{Enter}');

    const lastFilters = () =>
      (api.calls.filter((c) => c.name === 'reports.cooccurrence').at(-1)?.args as { filters: unknown })
        .filters;
    await waitFor(() =>
      expect(lastFilters()).toEqual({
        attributes: [
          { scope: 'document', name: 'region', op: 'eq', value: 'Europe' },
          { scope: 'participant', name: 'sector', op: 'contains', value: 'ngo' },
          { scope: 'participant', name: 'region', op: 'ne', value: 'Asia' },
        ],
      }),
    );
    expect(
      within(screen.getByRole('list', { name: 'Attributes: all must hold' }))
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['region = Europe', 'participant: sector contains ngo', 'participant: region ≠ Asia']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove condition participant: sector contains ngo' }),
    );
    await waitFor(() =>
      expect(lastFilters()).toEqual({
        attributes: [
          { scope: 'document', name: 'region', op: 'eq', value: 'Europe' },
          { scope: 'participant', name: 'region', op: 'ne', value: 'Asia' },
        ],
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove condition region = Europe' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove condition participant: region ≠ Asia' }),
    );
    await waitFor(() => expect(lastFilters()).toEqual({}));
  });
});
