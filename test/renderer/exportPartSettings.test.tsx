import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportOptions, type ExportOptions, type ExportOptionsInput } from '../../shared/api/export';
import type { ReportOptions } from '../../shared/api/reports';
import { setApi } from '../../renderer/api/client';
import { ExportArea } from '../../renderer/features/export/ExportArea';
import { useExport } from '../../renderer/features/export/useExport';
import { createFakeApi } from '../fakeApi';

const choices: ReportOptions = {
  codes: [
    { codeId: 1, name: 'Legitimacy', path: ['Legitimacy'], color: '#336699', depth: 0, description: '' },
    { codeId: 2, name: 'Trust', path: ['Trust'], color: '#336699', depth: 0, description: '' },
    {
      codeId: 3,
      name: 'Effectiveness',
      path: ['Effectiveness'],
      color: '#336699',
      depth: 0,
      description: '',
    },
  ],
  codeGroups: [{ id: 7, name: 'Level of cooperation', codeIds: [1, 2] }],
  documentGroups: [{ id: 4, name: 'NGOs', documentCount: 396 }],
  categories: [],
  waves: [],
  attributes: [{ scope: 'document', name: 'Sector', type: 'text' }],
  coders: ['ana'],
  years: { first: 2014, last: 2020 },
};

function fakeBackend(saved: ExportOptionsInput | null) {
  const project = { settings: saved === null ? null : exportOptions.parse(saved) };
  const api = createFakeApi({
    'reports.options': () => choices,
    'export.defaultTarget': ({ format }) => `/data/study appendix.${format}`,
    'export.outline': () => ({ items: [], problems: [], quotes: 0 }),
    'export.getSettings': () => project.settings,
    'export.saveSettings': ({ options }) => {
      project.settings = exportOptions.parse(options);
      return null;
    },
  });
  return { api, project };
}

/** Opens a check list by its label and ticks the named options. */
async function tick(label: string, names: string[]) {
  await userEvent.click(screen.getByRole('button', { name: new RegExp(`^${label}`) }));
  const panel = screen.getByRole('group', { name: label });
  for (const name of names) await userEvent.click(within(panel).getByRole('checkbox', { name }));
  await userEvent.keyboard('{Escape}');
}

describe('export dialog: the table parts settings', { timeout: 60_000 }, () => {
  beforeEach(() => useExport.setState(useExport.getInitialState()));

  it('shows each part settings while it is chosen, and saves the co-occurrence table own rows, columns and filters', async () => {
    const { api, project } = fakeBackend(null);
    setApi(api);
    render(<ExportArea />);
    await screen.findByDisplayValue('Appendix: coded evidence');
    expect(screen.queryByRole('group', { name: 'Co-occurrence table' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Code matrix' })).toBeNull();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Co-occurrence table' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Code matrix' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Counts over time' }));
    const cooccurrence = screen.getByRole('group', { name: 'Co-occurrence table' });
    await userEvent.selectOptions(within(cooccurrence).getByRole('combobox', { name: 'Count' }), 'segments');
    await userEvent.click(within(cooccurrence).getByRole('checkbox', { name: /own rows, columns/ }));
    await tick('Rows by code group', ['Level of cooperation']);
    await tick('Columns', ['Legitimacy', 'Effectiveness']);
    const filters = within(cooccurrence).getByRole('group', { name: 'Co-occurrence filters' });
    await userEvent.click(within(filters).getByRole('checkbox', { name: 'NGOs' }));
    const matrix = screen.getByRole('group', { name: 'Code matrix' });
    await userEvent.selectOptions(
      within(matrix).getByRole('combobox', { name: 'Columns' }),
      'attribute:Sector',
    );
    const timeline = screen.getByRole('group', { name: 'Counts over time' });
    await userEvent.selectOptions(within(timeline).getByRole('combobox', { name: 'Count' }), 'documents');

    const expected: Partial<ExportOptions> = {
      filters: {},
      cooccurrenceUnit: 'segments',
      cooccurrence: {
        unit: 'segments',
        rowCodeIds: [],
        rowCodeGroupIds: [7],
        columnCodeIds: [1, 3],
        coefficient: false,
        filters: { documentGroupIds: [4] },
      },
      matrixBy: 'attribute:Sector',
      timelineUnit: 'documents',
    };
    await waitFor(() => expect(project.settings).toMatchObject(expected));

    // Opened again, the dialog shows what was saved.
    useExport.setState(useExport.getInitialState());
    render(<ExportArea />);
    const again = await screen.findAllByRole('group', { name: 'Co-occurrence table' });
    const last = again[again.length - 1]!;
    expect(within(last).getByRole<HTMLSelectElement>('combobox', { name: 'Count' }).value).toBe('segments');
    expect(within(last).getByRole<HTMLInputElement>('checkbox', { name: /own rows, columns/ }).checked).toBe(
      true,
    );
    expect(within(last).getByRole('button', { name: /^Columns 2 of 3/ })).toBeTruthy();
  });
});
