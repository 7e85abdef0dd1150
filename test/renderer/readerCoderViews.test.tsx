import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Coder, SegmentSpan } from '../../shared/api/coding';
import type { ProjectInfo } from '../../shared/api/project';
import type { Disagreements } from '../../shared/api/team';
import { setApi } from '../../renderer/api/client';
import { useProject } from '../../renderer/app/useProject';
import { useSelection } from '../../renderer/app/useSelection';
import { useCodebook } from '../../renderer/features/codebook/useCodebook';
import { Reader } from '../../renderer/features/reader/Reader';
import { useCoderView } from '../../renderer/features/reader/useCoderView';
import { useReader } from '../../renderer/features/reader/useReader';
import { DisagreementsList } from '../../renderer/features/team/DisagreementsList';
import { useTeam } from '../../renderer/features/team/useTeam';
import { code, fakeCodingApi, segment, TEXT } from '../reader/fixtures';

const ANA = 1;
const BEN = 2;
const coders: Coder[] = [
  { id: ANA, name: 'Ana', color: '#aa0000', segmentCount: 1, current: true },
  { id: BEN, name: 'Ben', color: null, segmentCount: 1, current: false },
];
const cooperate = { start: TEXT.indexOf('We had'), end: TEXT.indexOf('cooperate') + 9 };
// Both coded the same passage with the same code: one span each.
const spans: SegmentSpan[] = [
  { id: 11, codeId: 1, coderId: ANA, startUtf16: cooperate.start, endUtf16: cooperate.end },
  { id: 12, codeId: 1, coderId: BEN, startUtf16: cooperate.start + 3, endUtf16: cooperate.end },
];
const info = (path: string) => ({ coder: 'Ana', name: 'study', path }) as ProjectInfo;

function twoCodersApi() {
  return fakeCodingApi(
    [code(1, 'Cooperation', '#3366cc')],
    [
      { ...segment(11, 1, cooperate.start, cooperate.end), coder: 'Ana' },
      { ...segment(12, 1, cooperate.start + 3, cooperate.end), coder: 'Ben' },
    ],
    {
      'coders.list': () => coders,
      'segments.spansByDocument': ({ coderIds }) =>
        coderIds === undefined ? spans : spans.filter((s) => coderIds.includes(s.coderId)),
    },
  );
}

const stripes = () =>
  [...document.querySelectorAll<HTMLElement>('.reader-stripe.is-first')].map((e) => ({
    coder: e.dataset.coder ?? null,
    column: e.dataset.column,
    color: e.style.color,
  }));

async function openReader() {
  act(() => useSelection.getState().openDocument(7));
  render(<Reader />);
  await screen.findByRole('heading', { name: 'Interview 7' });
}

describe('the reader by coder', () => {
  beforeEach(() => {
    localStorage.clear();
    useProject.setState({ info: info('/study/a.passage') });
    useCoderView.setState({ projectPath: null, view: { kind: 'everyone' }, coders: [] });
    useSelection.setState({ documentId: null, target: null, searchQuery: null });
    useReader.setState({ documentId: null, status: 'idle' });
    useCodebook.setState({ status: 'idle', ids: [], byId: {} });
  });

  it('shows everyone’s stripes side by side in the coders’ colours, with a key naming them', async () => {
    setApi(twoCodersApi().api);
    await openReader();
    await waitFor(() => expect(stripes()).toHaveLength(2));
    expect(stripes()).toEqual([
      { coder: 'Ana', column: '0', color: 'rgb(170, 0, 0)' },
      // Ben has no colour of his own: the first palette colour (#1f77b4).
      { coder: 'Ben', column: '1', color: 'rgb(31, 119, 180)' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Stripe Cooperation · Ben' }));
    // The segment panel names the coder (the fake's segment 12 is Ben's), with his colour.
    const panel = await screen.findByRole('region', { name: 'Selected segment' });
    await waitFor(() => expect(panel.querySelector('[data-coder]')?.textContent).toMatch(/^Ben ·/));
    expect(panel.querySelector<HTMLElement>('[data-coder] .reader-coder-swatch')?.style.background).toBe(
      'rgb(31, 119, 180)',
    );
    const key = screen.getByRole('list', { name: 'Coder colours' });
    expect([...key.querySelectorAll('li')].map((li) => [li.textContent, li.dataset.color])).toEqual([
      ['Ana', '#aa0000'],
      ['Ben', '#1f77b4'],
    ]);
  });

  it('switches to my coding only, then to chosen coders, and remembers the view per project', async () => {
    const { api } = twoCodersApi();
    setApi(api);
    await openReader();
    await waitFor(() => expect(stripes()).toHaveLength(2));

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Whose coding to show' }), 'mine');
    // One coder shown: the stripe is the code's, no key.
    await waitFor(() =>
      expect(stripes()).toEqual([{ coder: null, column: '0', color: 'rgb(51, 102, 204)' }]),
    );
    expect(screen.queryByRole('list', { name: 'Coder colours' })).toBeNull();
    expect(api.calls.filter((c) => c.name === 'segments.spansByDocument').at(-1)?.args).toEqual({
      documentId: 7,
      coderIds: [ANA],
    });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Whose coding to show' }), 'chosen');
    await waitFor(() => expect(stripes()).toHaveLength(2));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ana' }));
    // Ben alone: one stripe, in the code's colour (the column stays where it was, so nothing jumps).
    await waitFor(() => expect(stripes().map((s) => s.color)).toEqual(['rgb(51, 102, 204)']));
    expect(useReader.getState().segments.get(12)?.coderId).toBe(BEN);
    expect(useReader.getState().segments.has(11)).toBe(false);

    // Remembered for this project; another project starts with everyone's coding.
    expect(JSON.parse(localStorage.getItem('passage.coderView:/study/a.passage')!)).toEqual({
      kind: 'chosen',
      coderIds: [BEN],
    });
    useProject.setState({ info: info('/study/b.passage') });
    await act(() => useReader.getState().reloadSegments());
    expect(useCoderView.getState().view).toEqual({ kind: 'everyone' });
    useProject.setState({ info: info('/study/a.passage') });
    await act(() => useReader.getState().reloadSegments());
    expect(useCoderView.getState().view).toEqual({ kind: 'chosen', coderIds: [BEN] });
  });

  it('shows no coder choice until two coders have coded', async () => {
    const { api } = fakeCodingApi([code(1, 'Cooperation', '#3366cc')], [segment(11, 1, 0, 5)], {
      'coders.list': () => [coders[0]!, { ...coders[1]!, segmentCount: 0 }],
    });
    setApi(api);
    await openReader();
    await waitFor(() => expect(api.calls.some((c) => c.name === 'coders.list')).toBe(true));
    expect(screen.queryByRole('combobox', { name: 'Whose coding to show' })).toBeNull();
  });

  it('opens a disagreement with just the compared coders shown', async () => {
    setApi(twoCodersApi().api);
    useTeam.setState({
      coders,
      choice: { coders: ['ana', 'Ben'], unit: 'paragraphs', documentGroupId: null },
      disagreements: {
        total: 1,
        items: [
          {
            documentId: 7,
            documentTitle: 'Interview 7',
            codeId: 1,
            codeName: 'Cooperation',
            startUtf16: cooperate.start,
            endUtf16: cooperate.end,
            text: 'We had no choice',
            appliedBy: ['Ana'],
            notAppliedBy: ['Ben'],
          },
        ],
      } satisfies Disagreements,
    });
    useCoderView.setState({ projectPath: '/study/a.passage', view: { kind: 'mine' } });
    render(<DisagreementsList />);
    await userEvent.click(screen.getByRole('button', { name: '“We had no choice”' }));
    expect(useCoderView.getState().view).toEqual({ kind: 'chosen', coderIds: [ANA, BEN] });
    expect(useSelection.getState().documentId).toBe(7);
  });
});
