import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReportOptions } from '../../shared/api/reports';
import { PassageError } from '../../shared/api/result';
import { setApi } from '../../renderer/api/client';
import { ExportArea } from '../../renderer/features/export/ExportArea';
import { useExport } from '../../renderer/features/export/useExport';
import { createFakeApi } from '../fakeApi';

const choices: ReportOptions = {
  codes: [
    { codeId: 1, name: 'Legitimacy', path: ['Legitimacy'], color: '#336699', depth: 0, description: '' },
  ],
  codeGroups: [],
  documentGroups: [],
  categories: [],
  waves: [],
  attributes: [],
  coders: ['ana'],
  years: null,
};

/** A backend where "/data/study appendix.*" exists already: export.start answers as the real one does. */
function fakeBackend(existing: string[]) {
  return createFakeApi({
    'reports.options': () => choices,
    'export.defaultTarget': ({ format }) => `/data/study appendix.${format}`,
    'export.outline': () => ({ items: [], problems: [], quotes: 3 }),
    'export.start': ({ target, overwrite }) => {
      if (existing.includes(target) && !overwrite)
        throw new PassageError(
          'conflict',
          `export: ${target.split('/').pop()} already exists — choose another name or confirm replacing it`,
        );
      return { jobId: 'job-1' };
    },
    'jobs.status': ({ id }) => ({
      id,
      kind: 'export',
      state: 'done',
      done: 3,
      total: 3,
      current: '',
      result: { path: '/data/study appendix.docx', format: 'docx', bytes: 1234, quotes: 3, tables: 0 },
    }),
  });
}

const exportButton = () => screen.getByRole('button', { name: 'Export' });
const starts = (api: ReturnType<typeof fakeBackend>) =>
  api.calls
    .filter((c) => c.name === 'export.start')
    .map((c) => c.args as { target: string; overwrite: boolean });

// Many clicks on a shared two-core machine: a generous limit, not a timing assertion.
describe('export dialog: replacing a file', { timeout: 30_000 }, () => {
  beforeEach(() => useExport.setState(useExport.getInitialState()));

  it('asks "Replace study appendix.docx?" and writes nothing until the user says Replace', async () => {
    const api = fakeBackend(['/data/study appendix.docx']);
    setApi(api);
    render(<ExportArea />);
    await userEvent.click(await screen.findByRole('checkbox', { name: /Legitimacy/ }));
    await waitFor(() => expect((exportButton() as HTMLButtonElement).disabled).toBe(false));

    await userEvent.click(exportButton());
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace study appendix.docx?' });
    expect(starts(api)).toEqual([expect.objectContaining({ overwrite: false })]);
    expect(screen.queryByRole('status')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(starts(api)).toHaveLength(1);
    expect(dialog.isConnected).toBe(false);

    await userEvent.click(exportButton());
    await userEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    expect(starts(api).map((s) => s.overwrite)).toEqual([false, false, true]);
    expect(starts(api)[2]!.target).toBe('/data/study appendix.docx');
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('adds the format’s extension to a typed name before asking, and asks about that name', async () => {
    const api = fakeBackend(['/data/notes.docx']);
    setApi(api);
    render(<ExportArea />);
    await userEvent.click(await screen.findByRole('checkbox', { name: /Legitimacy/ }));
    const input = screen.getByRole('textbox', { name: 'Save to' });
    await userEvent.clear(input);
    await userEvent.type(input, '/data/notes');
    await waitFor(() => expect((exportButton() as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(exportButton());
    expect(await screen.findByRole('alertdialog', { name: 'Replace notes.docx?' })).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('/data/notes.docx');
    expect(starts(api)[0]!.target).toBe('/data/notes.docx');
  });

  it('exports a new name at once, without asking', async () => {
    const api = fakeBackend([]);
    setApi(api);
    render(<ExportArea />);
    await userEvent.click(await screen.findByRole('checkbox', { name: /Legitimacy/ }));
    await waitFor(() => expect((exportButton() as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(exportButton());
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(starts(api)).toEqual([expect.objectContaining({ overwrite: false })]);
  });
});
