import { render, screen, waitFor } from '@testing-library/react';
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
  ],
  codeGroups: [{ id: 7, name: 'Level of cooperation', codeIds: [2, 1] }],
  documentGroups: [{ id: 4, name: 'NGOs', documentCount: 3 }],
  categories: [],
  waves: [0],
  attributes: [],
  coders: ['ana'],
  years: { first: 2014, last: 2020 },
};

/** A backend that keeps the saved settings as the project does (validated by the contract's schema). */
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

const checkbox = (name: RegExp | string) => screen.getByRole<HTMLInputElement>('checkbox', { name });

describe('export settings are remembered per project', () => {
  beforeEach(() => useExport.setState(useExport.getInitialState()));

  it('shows the options saved in the project when the export area opens', async () => {
    const { api } = fakeBackend({
      title: 'Appendix 2: interview evidence',
      methodNote: 'Quotes are verbatim.',
      sections: ['codebook', 'evidence'],
      codeIds: [2],
      codeGroupIds: [7],
      includeMemos: true,
    });
    setApi(api);
    render(<ExportArea />);
    expect(await screen.findByDisplayValue('Appendix 2: interview evidence')).toBeTruthy();
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Method note' }).value).toBe(
      'Quotes are verbatim.',
    );
    expect(checkbox('Include segment memos').checked).toBe(true);
    expect(
      (await screen.findByRole<HTMLInputElement>('checkbox', { name: /Level of cooperation/ })).checked,
    ).toBe(true);
    expect(checkbox(/^Trust/).checked).toBe(true);
    expect(checkbox(/^Legitimacy/).checked).toBe(false);
  });

  it('saves a change, so the next opening shows it', async () => {
    const { api, project } = fakeBackend(null);
    setApi(api);
    const { unmount } = render(<ExportArea />);
    const title = await screen.findByDisplayValue('Appendix: coded evidence');
    await userEvent.clear(title);
    await userEvent.type(title, 'Evidence for chapter 4');
    await userEvent.click(checkbox('Include segment memos'));
    await waitFor(() => expect(project.settings?.title).toBe('Evidence for chapter 4'));
    unmount();
    expect((project.settings as ExportOptions).includeMemos).toBe(true);

    useExport.setState(useExport.getInitialState());
    render(<ExportArea />);
    expect(await screen.findByDisplayValue('Evidence for chapter 4')).toBeTruthy();
    expect(checkbox('Include segment memos').checked).toBe(true);
  });
});
