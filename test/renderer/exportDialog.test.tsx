import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportOptions } from '../../shared/api/export';
import type { ReportOptions } from '../../shared/api/reports';
import { planExport } from '../../shared/export/plan';
import { setApi } from '../../renderer/api/client';
import { ExportArea } from '../../renderer/features/export/ExportArea';
import { useExport } from '../../renderer/features/export/useExport';
import { createFakeApi } from '../fakeApi';

const code = (codeId: number, name: string, depth = 0) => ({
  codeId,
  name,
  path: [name],
  color: '#336699',
  depth,
  description: '',
});

const choices: ReportOptions = {
  codes: [code(1, 'Legitimacy'), code(2, 'Trust'), code(3, 'Burden sharing')],
  codeGroups: [{ id: 7, name: 'Level of cooperation', codeIds: [2, 1] }],
  documentGroups: [{ id: 4, name: 'NGOs', documentCount: 3 }],
  categories: [{ id: 5, name: 'Military' }],
  waves: [0, 1],
  attributes: [],
  coders: ['ana'],
  years: { first: 2014, last: 2020 },
};

/** A backend whose outline is the real plan over the fake codebook, so the preview is what export.outline gives. */
function fakeBackend() {
  return createFakeApi({
    'reports.options': () => choices,
    'export.defaultTarget': ({ format }) => `/data/study appendix.${format}`,
    'export.outline': ({ options }) =>
      planExport(exportOptions.parse(options), {
        codes: choices.codes.map((c) => ({ id: c.codeId, name: c.name, depth: c.depth })),
        codeGroups: choices.codeGroups,
        segmentsByCode: new Map([
          [1, 45],
          [2, 12],
          [3, 0],
        ]),
      }).outline,
    'export.start': () => ({ jobId: 'job-1' }),
    'jobs.status': ({ id }) => ({
      id,
      kind: 'export',
      state: 'done',
      done: 57,
      total: 57,
      current: '',
      result: { path: '/data/study appendix.docx', format: 'docx', bytes: 1234, quotes: 57, tables: 1 },
    }),
  });
}

const outlineTexts = () =>
  within(screen.getByRole('region', { name: 'Outline' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('export dialog', () => {
  beforeEach(() => useExport.setState(useExport.getInitialState()));

  it('shows the live outline as codes, parts and their order change', async () => {
    setApi(fakeBackend());
    render(<ExportArea />);
    // No codes yet: the outline says why, and Export is off.
    expect(await screen.findByText(/no codes selected/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(await screen.findByRole('checkbox', { name: /Level of cooperation/ }));
    await waitFor(() =>
      expect(outlineTexts()).toEqual([
        'Appendix: coded evidence',
        'Level of cooperation',
        'Legitimacy — 45 quotes',
        'Trust — 12 quotes',
      ]),
    );

    await userEvent.click(screen.getByRole('checkbox', { name: 'Codebook' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'List of interviews (Appendix 1)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move Codebook up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move Codebook up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move Codebook up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move Codebook up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move Codebook up' }));
    await waitFor(() =>
      expect(outlineTexts()).toEqual([
        'Appendix: coded evidence',
        'Codebook',
        'Table 1. Codebook: codes, descriptions and counts',
        'Level of cooperation',
        'Legitimacy — 45 quotes',
        'Trust — 12 quotes',
        'List of interviews',
        'Table 2. List of interviews',
      ]),
    );
    expect((screen.getByRole('button', { name: 'Move Codebook up' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText('57 quotes in all.')).toBeTruthy();
  });

  it('exports with the chosen order, codes, memos, note and target, and shows where the file went', async () => {
    const api = fakeBackend();
    setApi(api);
    render(<ExportArea />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Burden sharing' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include segment memos' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Code frequencies' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move Code frequencies up' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'NGOs' }));
    const note = screen.getByRole('textbox', { name: 'Method note' });
    await userEvent.clear(note);
    await userEvent.type(note, 'Two coders.');
    const target = await screen.findByDisplayValue('/data/study appendix.docx');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'md');
    expect((target as HTMLInputElement).value).toBe('/data/study appendix.md');
    await waitFor(() => expect(outlineTexts()).toContain('Burden sharing — 0 quotes'));
    await waitFor(() => expect(screen.getByText(/nothing matches the filters/)).toBeTruthy());
    await userEvent.click(screen.getByRole('checkbox', { name: 'Trust' }));
    await waitFor(() => expect(screen.queryByText(/nothing matches/)).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('status', {}, { timeout: 3000 })).textContent).toContain(
      'Saved /data/study appendix.docx (57 quotes, 1 tables)',
    );
    const started = api.calls.find((c) => c.name === 'export.start')!.args;
    expect(started).toEqual({
      format: 'md',
      target: '/data/study appendix.md',
      overwrite: false,
      options: {
        title: 'Appendix: coded evidence',
        methodNote: 'Two coders.',
        // Code frequencies moved up one place, above the (unchosen) counts over time: still after the evidence.
        sections: ['evidence', 'frequencies'],
        codeGroupIds: [],
        codeIds: [3, 2],
        includeMemos: true,
        filters: { documentGroupIds: [4] },
        // The table parts' settings are sent too (their defaults here), so they are saved with the rest.
        cooccurrenceUnit: 'documents',
        matrixBy: 'groups',
        timelineUnit: 'segments',
      },
    });
  });
});

describe('export dialog: wave and attribute filters', () => {
  beforeEach(() => useExport.setState(useExport.getInitialState()));

  it('sends the ticked waves and every attribute condition to the outline and the export', async () => {
    const withAttributes: ReportOptions = {
      ...choices,
      waves: [0, 1, 2],
      attributes: [
        { scope: 'document', name: 'region', type: 'text' },
        { scope: 'participant', name: 'sector', type: 'text' },
      ],
    };
    const api = createFakeApi({
      'reports.options': () => withAttributes,
      'search.filterOptions': () => ({
        kinds: [],
        years: null,
        attributes: [{ name: 'region', type: 'text', values: ['Africa', 'Europe'] }],
        groups: [],
      }),
      'export.defaultTarget': ({ format }) => `/data/out.${format}`,
      'export.outline': () => ({ items: [], problems: [], quotes: 3 }),
      'export.start': () => ({ jobId: 'job-9' }),
      'jobs.status': ({ id }) => ({ id, kind: 'export', state: 'running', done: 0, total: 3, current: '' }),
    });
    setApi(api);
    render(<ExportArea />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Legitimacy' }));
    const waves = screen.getByRole('group', { name: 'Waves' });
    expect(
      within(waves)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement?.textContent?.trim()),
    ).toEqual(['Wave 0 (seeds)', 'Wave 1', 'Wave 2']);
    await userEvent.click(within(waves).getByRole('checkbox', { name: 'Wave 2' }));
    await userEvent.click(within(waves).getByRole('checkbox', { name: 'Wave 0 (seeds)' }));

    const box = screen.getByRole('group', { name: 'Attributes' });
    await userEvent.selectOptions(
      within(box).getByRole('combobox', { name: 'Condition attribute' }),
      'region',
    );
    await within(box).findByRole('option', { name: 'Europe' });
    await userEvent.selectOptions(within(box).getByRole('combobox', { name: 'Condition value' }), 'Europe');
    await userEvent.click(within(box).getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(
      within(box).getByRole('combobox', { name: 'Condition attribute' }),
      'participant: sector',
    );
    await userEvent.selectOptions(
      within(box).getByRole('combobox', { name: 'Condition comparison' }),
      'contains',
    );
    await userEvent.type(within(box).getByRole('textbox', { name: 'Condition value' }), 'ngo{Enter}');

    const filters = {
      waves: [2, 0],
      attributes: [
        { scope: 'document', name: 'region', op: 'eq', value: 'Europe' },
        { scope: 'participant', name: 'sector', op: 'contains', value: 'ngo' },
      ],
    };
    await waitFor(() =>
      expect(
        (
          api.calls.filter((c) => c.name === 'export.outline').at(-1)?.args as {
            options: { filters: unknown };
          }
        ).options.filters,
      ).toEqual(filters),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(api.calls.some((c) => c.name === 'export.start')).toBe(true));
    expect(api.calls.find((c) => c.name === 'export.start')?.args).toMatchObject({
      format: 'docx',
      target: '/data/out.docx',
      options: { codeIds: [1], filters },
    });
  });
});
