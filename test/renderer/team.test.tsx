import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Coder } from '../../shared/api/coding';
import type { ProjectInfo } from '../../shared/api/project';
import type { AgreementReport, Disagreements } from '../../shared/api/team';
import { PassageError } from '../../shared/api/result';
import { setApi } from '../../renderer/api/client';
import { useNavigation } from '../../renderer/app/useNavigation';
import { useProject } from '../../renderer/app/useProject';
import { useSelection } from '../../renderer/app/useSelection';
import { CoderSwitcher } from '../../renderer/features/team/CoderSwitcher';
import { TeamArea } from '../../renderer/features/team/TeamArea';
import { useTeam } from '../../renderer/features/team/useTeam';
import { createFakeApi } from '../fakeApi';

const coder = (id: number, name: string, current = false): Coder => ({
  id,
  name,
  color: null,
  segmentCount: id * 10,
  current,
});
const info = (name: string) => ({ coder: name, name: 'study', path: '/tmp/study.passage' }) as ProjectInfo;

const report: AgreementReport = {
  unit: 'paragraphs',
  coders: ['Ana', 'Ben'],
  documentCount: 3,
  documentIds: [1, 2, 3],
  codes: [
    {
      codeId: 5,
      code: { name: 'Access', path: 'Access', color: '#336699' },
      units: 40,
      percentAgreement: 0.95,
      kappa: 0.85,
      alpha: 0.6,
      applied: [10, 12],
    },
  ],
  overall: { units: 40, percentAgreement: 0.95, kappa: 0.85, alpha: 0.6, applied: [10, 12] },
  definitions: ['Units: paragraphs (non-empty lines of the stored text).'],
};
const disagreements: Disagreements = {
  total: 1,
  items: [
    {
      documentId: 2,
      documentTitle: 'Interview 2',
      codeId: 5,
      codeName: 'Access',
      startUtf16: 30,
      endUtf16: 62,
      text: 'we asked for the briefings',
      appliedBy: ['Ben'],
      notAppliedBy: ['Ana'],
    },
  ],
};

describe('Team', () => {
  beforeEach(() => {
    useTeam.setState({
      settled: {},
      coders: [],
      report: null,
      disagreements: null,
      choice: { coders: [], unit: 'characters', documentGroupId: null },
    });
    useProject.setState({ info: info('Ana') });
  });

  it('the switcher lists the coders and switches the session’s coder', async () => {
    let current = 'Ana';
    const api = createFakeApi({
      'coders.list': () => [coder(1, 'Ana', current === 'Ana'), coder(2, 'Ben', current === 'Ben')],
      'coders.setCurrent': ({ name }) => {
        current = name;
        return coder(2, name, true);
      },
      'project.info': () => info(current),
    });
    setApi(api);
    render(<CoderSwitcher />);
    const select = screen.getByRole('combobox', { name: 'Coder' });
    await screen.findByRole('option', { name: 'Ben' });
    await userEvent.selectOptions(select, 'Ben');
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('Ben'));
    expect(api.calls.find((c) => c.name === 'coders.setCurrent')?.args).toEqual({ name: 'Ben' });
  });

  it('computes agreement for the chosen coders, colours it, and opens a disagreement in the reader', async () => {
    const api = createFakeApi({
      'coders.list': () => [coder(1, 'Ana', true), coder(2, 'Ben')],
      'documentGroups.list': () => [],
      'team.agreement': () => report,
      'team.disagreements': () => disagreements,
      'team.settle': () => ({ added: 1, removed: 0 }),
    });
    setApi(api);
    render(<TeamArea />);
    const compute = screen.getByRole('button', { name: 'Compute agreement' });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Ana' }));
    expect((compute as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ben' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'paragraphs');
    await userEvent.click(compute);

    const table = await screen.findByRole('table', { name: 'Agreement by code' });
    const row = within(table).getByRole('row', { name: /^Access/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['40', '95.0 %', '0.850', '0.600', '10', '12']);
    expect(cells.map((c) => c.dataset.band ?? null)).toEqual([null, 'good', 'good', 'poor', null, null]);
    expect(api.calls.find((c) => c.name === 'team.agreement')?.args).toEqual({
      coders: ['Ana', 'Ben'],
      unit: 'paragraphs',
    });

    const list = screen.getByRole('region', { name: 'Disagreements' });
    expect(within(list).getByText(/applied by Ben; not by Ana/)).toBeTruthy();
    await userEvent.click(within(list).getByRole('button', { name: 'Keep Ben' }));
    await within(list).findByText(/settled: kept Ben/);
    expect(api.calls.find((c) => c.name === 'team.settle')?.args).toEqual({
      documentId: 2,
      codeId: 5,
      startUtf16: 30,
      endUtf16: 62,
      keep: ['Ben'],
    });
    await userEvent.click(within(list).getByRole('button', { name: '“we asked for the briefings”' }));
    expect(useSelection.getState().documentId).toBe(2);
    expect(useSelection.getState().target).toMatchObject({ startUtf16: 30, endUtf16: 62 });
    expect(useNavigation.getState().area).toBe('documents');
  });

  it('says why a coder cannot be added, and shows a merge report', async () => {
    const api = createFakeApi({
      'coders.list': () => [coder(1, 'Ana', true)],
      'documentGroups.list': () => [],
      'coders.add': ({ name }) => {
        throw new PassageError('conflict', `coders: a coder named "${name}" already exists`);
      },
      'team.merge': ({ from }) => ({
        from,
        into: '/tmp/study.passage',
        backup: '/tmp/study.passage.before-merge.backup',
        added: {
          coders: 1,
          participants: 2,
          documents: 0,
          codes: 1,
          codeGroups: 0,
          documentGroups: 0,
          segments: 7,
          memos: 0,
          attributes: 0,
          attributeValues: 0,
        },
        alreadyPresent: { documents: 3, codes: 4, segments: 0, memos: 0 },
        conflicts: [
          {
            kind: 'code_renamed',
            message: 'code "Access" is named "Entry" in the merged project: this project\'s name kept',
          },
        ],
        undoable: true,
        warnings: [],
      }),
      'project.info': () => info('Ana'),
    });
    setApi(api);
    render(<TeamArea />);
    await userEvent.type(screen.getByRole('textbox', { name: "New coder's name" }), 'ana');
    await userEvent.click(screen.getByRole('button', { name: 'Add coder' }));
    expect((await screen.findByRole('alert')).textContent).toBe('coders: a coder named "ana" already exists');

    const merge = screen.getByRole('form', { name: "Merge a coder's project" });
    await userEvent.type(within(merge).getByRole('textbox', { name: 'Project file' }), '/tmp/ben.passage');
    await userEvent.click(within(merge).getByRole('button', { name: 'Merge' }));
    const status = await within(merge).findByRole('status');
    expect(status.textContent).toContain('Added 7 segments, 1 codes');
    expect(status.textContent).toContain('1 coders, 2 participants');
    expect(status.textContent).toContain('code "Access" is named "Entry"');
  });

  it('saves the agreement table as a Word appendix built by the backend', async () => {
    const bytes = 'PK\u0003\u0004 a docx';
    const api = createFakeApi({
      'coders.list': () => [coder(1, 'Ana', true), coder(2, 'Ben')],
      'documentGroups.list': () => [],
      'team.agreement': () => report,
      'team.disagreements': () => disagreements,
      'team.agreementFile': () => ({
        fileName: 'agreement.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        base64: btoa(bytes),
      }),
    });
    setApi(api);
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), 'blob:agreement');
    URL.revokeObjectURL = () => undefined;
    render(<TeamArea />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Ana' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ben' }));
    await userEvent.click(screen.getByRole('button', { name: 'Compute agreement' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Save Word appendix' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.calls.find((c) => c.name === 'team.agreementFile')?.args).toEqual({
      coders: report.coders,
      unit: report.unit,
      codeIds: report.codes.map((c) => c.codeId),
      format: 'docx',
    });
    expect(saved[0]!.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await saved[0]!.text()).toBe(bytes);
  });
});
