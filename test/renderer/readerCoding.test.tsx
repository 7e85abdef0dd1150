import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/api/client';
import { useSelection } from '../../renderer/app/useSelection';
import { useCodebook } from '../../renderer/features/codebook/useCodebook';
import { Reader } from '../../renderer/features/reader/Reader';
import { useReader } from '../../renderer/features/reader/useReader';
import { code, fakeCodingApi, segment, TEXT } from '../reader/fixtures';

/** Selects document text [start, end) in the rendered rows, as a mouse drag would, and releases the mouse. */
function selectText(start: number, end: number, options: { altKey?: boolean } = {}) {
  const runs = [...document.querySelectorAll<HTMLElement>('[data-o]')];
  const find = (offset: number, isEnd: boolean) => {
    for (const run of runs) {
      const base = Number(run.dataset.o);
      const length = run.textContent!.length;
      if (isEnd ? offset > base && offset <= base + length : offset >= base && offset < base + length)
        return { node: run.firstChild!, offset: offset - base };
    }
    throw new Error(`offset ${offset} is not rendered`);
  };
  const a = find(start, false);
  const b = find(end, true);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent.mouseUp(a.node.parentElement!, { button: 0, altKey: options.altKey ?? false });
}

/** The segments.apply call, once sent: a stripe drawn ahead is written after the frame showing it. */
function sentApply(calls: readonly { name: string; args: unknown }[]) {
  return waitFor(() => {
    const apply = calls.find((c) => c.name === 'segments.apply');
    expect(apply).toBeDefined();
    return apply!;
  });
}

async function openReader() {
  act(() => useSelection.getState().openDocument(7));
  render(<Reader />);
  await screen.findByRole('heading', { name: 'Interview 7' });
}

describe('reader coding', () => {
  beforeEach(() => {
    useSelection.setState({ documentId: null, target: null, searchQuery: null });
    useReader.setState({ documentId: null, status: 'idle' });
    useCodebook.setState({ status: 'idle', ids: [], byId: {} });
  });

  it('says what to do when no document is chosen', () => {
    setApi(fakeCodingApi([]).api);
    render(<Reader />);
    expect(screen.getByText('Choose a document to read and code it.')).toBeTruthy();
  });

  it('shows paragraphs with speaker labels and hints the shortcut keys when nothing is coded', async () => {
    setApi(fakeCodingApi([code(1, 'Push factors', '#cc3333', '1')]).api);
    await openReader();
    // The labels the transcript carries in its text are shown as labels at each turn start.
    const labels = [...document.querySelectorAll('.reader-speaker-label')].map((e) => e.textContent);
    expect(labels).toEqual(['Interviewer:', 'Respondent:']);
    expect([...document.querySelectorAll('.reader-paragraph-number')].map((e) => e.textContent)).toEqual([
      '1',
      '2',
    ]);
    expect(screen.getByRole('note').textContent).toContain('1 (Push factors)');
  });

  it('snaps the selection to words and codes it with the code’s shortcut key, drawing its stripe', async () => {
    const { api } = fakeCodingApi([code(1, 'Push factors', '#cc3333', '1')]);
    setApi(api);
    await openReader();
    // "ad no cho" inside "We had no choice": snaps to "had no choice".
    const had = TEXT.indexOf('had');
    selectText(had + 1, had + 10);
    await userEvent.keyboard('1');
    await screen.findByRole('button', { name: 'Stripe Push factors' });
    const apply = await sentApply(api.calls);
    expect(apply?.args).toEqual({
      documentId: 7,
      codeId: 1,
      startUtf16: had,
      endUtf16: had + 'had no choice'.length,
    });
  });

  it('keeps the exact selection when Alt is held', async () => {
    const { api } = fakeCodingApi([code(1, 'Push factors', '#cc3333', '1')]);
    setApi(api);
    await openReader();
    const had = TEXT.indexOf('had');
    selectText(had + 1, had + 5, { altKey: true });
    await userEvent.keyboard('1');
    await screen.findByRole('button', { name: 'Stripe Push factors' });
    expect((await sentApply(api.calls)).args).toMatchObject({
      startUtf16: had + 1,
      endUtf16: had + 5,
    });
  });

  it('lays out overlapping segments of two codes as two stripes side by side', async () => {
    const start = TEXT.indexOf('We had');
    const emoji = TEXT.indexOf('😀');
    setApi(
      fakeCodingApi(
        [code(1, 'Push factors', '#cc3333'), code(2, 'Cooperation', '#3366cc')],
        [segment(11, 1, start, emoji), segment(12, 2, TEXT.indexOf('choice'), TEXT.indexOf('cooperate') + 9)],
      ).api,
    );
    await openReader();
    const push = screen.getByRole('button', { name: 'Stripe Push factors' });
    const coop = screen.getByRole('button', { name: 'Stripe Cooperation' });
    expect(push.style.left).toBe('0px');
    expect(coop.style.left).toBe('18px');
    // The overlap "choice " is covered by both segments, so it is one run listing both.
    const both = document.querySelector<HTMLElement>('[data-segments="11 12"]');
    expect(both?.textContent).toBe('choice ');
    fireEvent.mouseEnter(coop);
    expect(document.querySelectorAll('.reader-run.is-hovered')).toHaveLength(2);
    fireEvent.click(coop);
    const panel = await screen.findByRole('region', { name: 'Selected segment' });
    expect(within(panel).getByText('Cooperation')).toBeTruthy();
  });

  it('shows the selected segment whole (coder, quote, memo) and saves its memo', async () => {
    const start = TEXT.indexOf('We had');
    const { api, segments } = fakeCodingApi(
      [code(1, 'Push factors', '#cc3333')],
      [{ ...segment(11, 1, start, start + 6), coder: 'bea', memo: 'first memo' }],
    );
    setApi(api);
    await openReader();
    fireEvent.click(screen.getByRole('button', { name: 'Stripe Push factors' }));
    const panel = await screen.findByRole('region', { name: 'Selected segment' });
    // The reader holds spans only: coder and memo come from segments.get.
    await within(panel).findByText(/^bea ·/);
    expect(within(panel).getByText(TEXT.slice(start, start + 6))).toBeTruthy();
    const memo = within(panel).getByRole('textbox', { name: 'Memo' });
    expect((memo as HTMLTextAreaElement).value).toBe('first memo');
    await userEvent.clear(memo);
    await userEvent.type(memo, 'NGO access');
    fireEvent.blur(memo);
    await waitFor(() => expect(segments[0]!.memo).toBe('NGO access'));
    expect(api.calls.find((c) => c.name === 'segments.setMemo')?.args).toEqual({
      id: 11,
      memo: 'NGO access',
    });
    expect((memo as HTMLTextAreaElement).value).toBe('NGO access');
  });

  it('caps the margin at eight stripe columns and counts the rest on a button that selects them in turn', async () => {
    const start = TEXT.indexOf('We had');
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    // Nine codes on nested spans: the layout needs nine columns; the margin shows seven and "+2".
    setApi(
      fakeCodingApi(
        names.map((n, i) => code(i + 1, `Code ${n}`, '#cc3333')),
        names.map((_, i) => segment(21 + i, i + 1, start, start + 40 - i)),
      ).api,
    );
    await openReader();
    const shown = () =>
      [...document.querySelectorAll<HTMLElement>('.reader-stripe[aria-label]')].map((e) => e.dataset.code);
    expect(shown()).toEqual(['Code A', 'Code B', 'Code C', 'Code D', 'Code E', 'Code F', 'Code G']);
    const more = screen.getByRole('button', { name: '2 more stripes' });
    expect(more.title).toContain('Code H, Code I');
    expect(document.querySelector<HTMLElement>('.reader-stripes')!.style.width).toBe(`${8 * 18}px`);
    fireEvent.click(more);
    // The selected hidden segment takes the last column; the other stays counted once it is deselected.
    await waitFor(() => expect(shown()).toContain('Code H'));
    expect(document.querySelector<HTMLElement>('[data-code="Code H"]')!.style.left).toBe(`${7 * 18}px`);
    expect(screen.queryByRole('button', { name: '2 more stripes' })).toBeNull();
  });

  it('un-codes the selected segment with Delete', async () => {
    const start = TEXT.indexOf('We had');
    const { api } = fakeCodingApi([code(1, 'Push factors', '#cc3333')], [segment(11, 1, start, start + 6)]);
    setApi(api);
    await openReader();
    fireEvent.click(screen.getByRole('button', { name: 'Stripe Push factors' }));
    await screen.findByRole('region', { name: 'Selected segment' });
    await userEvent.keyboard('{Delete}');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stripe Push factors' })).toBeNull());
    expect(api.calls.find((c) => c.name === 'segments.remove')?.args).toEqual({ id: 11 });
  });

  it('codes a selection with the palette and creates a code from what was typed', async () => {
    const { api } = fakeCodingApi([code(1, 'Push factors', '#cc3333'), code(2, 'Pull factors', '#3366cc')]);
    setApi(api);
    await openReader();
    const ngo = TEXT.indexOf('NGO');
    selectText(ngo, ngo + 3);
    await userEvent.keyboard('{Control>}k{/Control}');
    const input = await screen.findByRole('combobox', { name: 'Find or create a code' });
    await userEvent.type(input, 'pull');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Pull factors',
      'Create code “pull”',
    ]);
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('button', { name: 'Stripe Pull factors' });
    expect((await sentApply(api.calls)).args).toMatchObject({
      codeId: 2,
      startUtf16: ngo,
    });

    const isaf = TEXT.indexOf('ISAF');
    selectText(isaf, isaf + 4);
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.type(await screen.findByRole('combobox'), 'Mission ISAF{Enter}');
    await screen.findByRole('button', { name: 'Stripe Mission ISAF' });
    expect(api.calls.find((c) => c.name === 'codes.create')?.args).toEqual({ name: 'Mission ISAF' });
  });

  it('codes in vivo with Ctrl+I: a code named by the selected words', async () => {
    const { api } = fakeCodingApi([]);
    setApi(api);
    await openReader();
    const phrase = TEXT.indexOf('no choice');
    selectText(phrase, phrase + 'no choice'.length);
    await userEvent.keyboard('{Control>}i{/Control}');
    await screen.findByRole('button', { name: 'Stripe no choice' });
    // One call, so the new code and its segment are one undo step.
    expect(api.calls.find((c) => c.name === 'segments.applyInVivo')?.args).toEqual({
      documentId: 7,
      startUtf16: phrase,
      endUtf16: phrase + 'no choice'.length,
    });
    expect(api.calls.some((c) => c.name === 'codes.create')).toBe(false);
  });

  it('codes by clicking a code in the sidebar', async () => {
    const { api } = fakeCodingApi([code(1, 'Push factors', '#cc3333')]);
    setApi(api);
    await openReader();
    const ngo = TEXT.indexOf('NGO');
    selectText(ngo, ngo + 3);
    await userEvent.click(screen.getByRole('button', { name: 'Apply code Push factors' }));
    await screen.findByRole('button', { name: 'Stripe Push factors' });
  });

  it('undoes with Ctrl+Z through the coding undo and reloads the stripes', async () => {
    const { api, segments } = fakeCodingApi([code(1, 'Push factors', '#cc3333', '1')], [], {
      'undo.undo': () => {
        segments.pop();
        return { label: 'Apply code Push factors', state: { undo: null, redo: 'Apply code Push factors' } };
      },
    });
    setApi(api);
    await openReader();
    const ngo = TEXT.indexOf('NGO');
    selectText(ngo, ngo + 3);
    await userEvent.keyboard('1');
    await screen.findByRole('button', { name: 'Stripe Push factors' });
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stripe Push factors' })).toBeNull());
    expect(api.calls.filter((c) => c.name === 'segments.spansByDocument')).toHaveLength(2);
  });
});
