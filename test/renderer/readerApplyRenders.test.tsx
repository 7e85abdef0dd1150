import { act, render, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Coder, Segment, SegmentSpan } from '../../shared/api/coding';
import { setApi } from '../../renderer/api/client';
import { useCodebook } from '../../renderer/features/codebook/useCodebook';
import { ReaderRow } from '../../renderer/features/reader/ReaderRow';
import { useCoderView } from '../../renderer/features/reader/useCoderView';
import { useReader } from '../../renderer/features/reader/useReader';
import { PassageError } from '../../shared/api/result';
import { useToasts } from '../../renderer/app/useToasts';
import { createFakeApi } from '../fakeApi';
import { code, content } from '../reader/fixtures';

// Applying a code must cost the same in a dense transcript as in a short one: only the rows the new
// segment touches may render again, however many rows are on screen and whoever's coding is shown.

const ROWS = 30;
const paragraph = (i: number) => `Paragraph ${String(i).padStart(2, '0')} says a few words about the work.`;
const TEXT = Array.from({ length: ROWS }, (_, i) => paragraph(i)).join('\n\n');
const rowStart = (i: number) => TEXT.indexOf(paragraph(i));
const ANA = 1;
const BEN = 2;
const coders: Coder[] = [
  { id: ANA, name: 'ana', color: '#aa0000', segmentCount: ROWS, current: true },
  { id: BEN, name: 'ben', color: '#0000aa', segmentCount: ROWS, current: false },
];
// Rows coded by the two coders in turn, so their stripes are shown with a coder key; row 0 has both
// coders' segments, so the margin has the two columns a new segment in another row fits in (a third
// column would widen the margin, and that rightly lays out every row again).
const spans: SegmentSpan[] = [
  ...Array.from({ length: ROWS }, (_, i) => ({
    id: i + 1,
    codeId: 1 + (i % 2),
    coderId: i % 2 === 0 ? ANA : BEN,
    startUtf16: rowStart(i),
    endUtf16: rowStart(i) + 9,
  })),
  { id: 100, codeId: 2, coderId: BEN, startUtf16: rowStart(0) + 13, endUtf16: rowStart(0) + 20 },
];

/** The backend's answers to segments.apply, held until the test lets them go (none held: at once). */
let heldAnswers: (() => void)[] | null = null;
const answer = <T,>(value: () => T): T | Promise<T> =>
  heldAnswers
    ? new Promise<T>((resolve, reject) =>
        heldAnswers!.push(() => {
          try {
            resolve(value());
          } catch (error) {
            reject(error as Error);
          }
        }),
      )
    : value();

function fakeBackend(shown: SegmentSpan[] = spans) {
  let nextId = 500;
  return createFakeApi({
    'documents.get': () => ({ ...content(TEXT), turns: [] }),
    'coders.list': () => coders,
    'segments.spansByDocument': () => shown,
    'segments.get': ({ id }) => ({ ...saved(id, 3, 0, 1), id }),
    'segments.remove': () => null,
    'segments.apply': ({ documentId, codeId, startUtf16, endUtf16 }) =>
      answer(() => {
        if (codeId === 99) throw new PassageError('not_found', 'code 99 does not exist');
        return saved(nextId++, codeId, startUtf16, endUtf16, documentId);
      }),
  });
}

function saved(id: number, codeId: number, startUtf16: number, endUtf16: number, documentId = 7): Segment {
  return {
    id,
    documentId,
    codeId,
    startUtf16,
    endUtf16,
    text: TEXT.slice(startUtf16, endUtf16),
    memo: '',
    coder: 'ana',
    createdAt: '2026-12-04T22:00:00.000Z',
    updatedAt: '2026-12-04T22:00:00.000Z',
  };
}

/** Renders every row as the reader's list does, each in a Profiler that counts its renders. */
function renderRows(): Map<number, number> {
  const renders = new Map<number, number>();
  const count = (id: string) => renders.set(Number(id), (renders.get(Number(id)) ?? 0) + 1);
  render(
    <div className="reader-list">
      {Array.from({ length: ROWS }, (_, index) => (
        <Profiler key={index} id={String(index)} onRender={count}>
          <ReaderRow
            index={index}
            style={{}}
            ariaAttributes={{ 'aria-posinset': index + 1, 'aria-setsize': ROWS, role: 'listitem' }}
            codeRow={() => {}}
          />
        </Profiler>
      ))}
    </div>,
  );
  return renders;
}

describe('applying a code in the reader', () => {
  beforeEach(async () => {
    heldAnswers = null;
    useToasts.setState({ toasts: [] });
    setApi(fakeBackend());
    localStorage.clear();
    useCoderView.setState({ projectPath: null, view: { kind: 'everyone' }, coders: [] });
    useReader.setState({ documentId: null, status: 'idle' });
    useCodebook.setState({
      status: 'ready',
      ids: [1, 2, 3],
      byId: { 1: code(1, 'Work', '#cc3333'), 2: code(2, 'Care', '#33cc33'), 3: code(3, 'Money', '#3333cc') },
    });
    await useCoderView.getState().loadCoders();
    await useReader.getState().load(7);
  });

  it('renders again only the rows the new segment touches, with two coders shown', async () => {
    expect(useReader.getState().coderKey?.size).toBe(2);
    expect(useReader.getState().columnCount).toBe(2);
    const renders = renderRows();
    expect(document.querySelectorAll('.reader-stripe')).toHaveLength(ROWS + 1);
    renders.clear();
    // From row 10's word "few" into row 11.
    const range = { start: rowStart(10) + 21, end: rowStart(11) + 12 };
    await act(() => useReader.getState().apply(3, range));
    expect(document.querySelectorAll('.reader-stripe[data-code="Money"]')).toHaveLength(2);
    expect(useReader.getState().columnCount).toBe(2);
    expect([...renders.keys()].sort((a, b) => a - b)).toEqual([10, 11]);
  });

  it('keeps every untouched row’s segment list and every other segment the very same objects', async () => {
    const before = useReader.getState();
    await useReader.getState().apply(3, { start: rowStart(4) + 21, end: rowStart(4) + 24 });
    const after = useReader.getState();
    expect(after.segments.size).toBe(before.segments.size + 1);
    expect(after.coderKey).toBe(before.coderKey);
    for (let r = 0; r < ROWS; r++)
      if (r !== 4) expect(after.rowSegments[r], `row ${r}`).toBe(before.rowSegments[r]);
    for (const span of spans) {
      expect(after.segments.get(span.id)).toBe(before.segments.get(span.id));
      expect(after.columns.get(span.id)).toBe(before.columns.get(span.id));
    }
    // The state before is left as it was: a view still holding it draws what it drew.
    expect(before.segments.size).toBe(ROWS + 1);
    expect(before.rowSegments[4]).toHaveLength(1);
  });

  it('renders again only the rows a removed segment touched', async () => {
    const renders = renderRows();
    renders.clear();
    // Segment 13 is Ana's in row 12 only.
    await act(async () => {
      await useReader.getState().remove(13);
    });
    expect(document.querySelectorAll('.reader-stripe')).toHaveLength(ROWS);
    expect(useReader.getState().rowSegments[12]).toEqual([]);
    expect([...renders.keys()]).toEqual([12]);
  });

  it('renders no row again when the codebook is reloaded with its codes looking the same', () => {
    const renders = renderRows();
    renders.clear();
    // What a reload after coding brings: new objects, new counts, the same names and colours.
    const reloaded = () =>
      Object.fromEntries(
        Object.values(useCodebook.getState().byId).map((c) => [c!.id, { ...c!, segmentCount: 99 }]),
      );
    act(() => useCodebook.setState({ byId: reloaded() }));
    expect([...renders.keys()]).toEqual([]);
    act(() => useCodebook.setState({ byId: { ...reloaded(), 2: { ...code(2, 'Care', '#000000') } } }));
    const showingCare = [0, ...Array.from({ length: ROWS / 2 }, (_, i) => 2 * i + 1)];
    expect([...renders.keys()].sort((x, y) => x - y)).toEqual(showingCare);
  });

  it('draws the stripe before the backend answers, then puts the saved segment in its place, selected', async () => {
    renderRows();
    heldAnswers = [];
    const applying = useReader.getState().apply(3, { start: rowStart(6) + 21, end: rowStart(6) + 24 });
    // Before the answer: the stripe is there, for a segment not saved yet (no id of the backend's).
    await waitFor(() => expect(stripeIds('Money')).toHaveLength(1));
    expect(stripeIds('Money')[0]).toBeLessThan(0);
    expect(useReader.getState().selectedSegmentId).toBeNull();
    // Drawn before the write is even sent: it goes out once the frame showing the stripe is painted.
    expect(heldAnswers).toHaveLength(0);
    await waitFor(() => expect(heldAnswers).toHaveLength(1));
    await act(async () => {
      for (const release of heldAnswers!) release();
      await applying;
    });
    expect(stripeIds('Money')).toEqual([500]);
    expect(useReader.getState().selectedSegmentId).toBe(500);
    expect(useReader.getState().rowSegments[6]).toEqual([7, 500]);
    expect(useReader.getState().segments.size).toBe(ROWS + 2);
  });

  it('takes the stripe drawn ahead away when the backend refuses, saying why', async () => {
    renderRows();
    heldAnswers = [];
    const applying = useReader.getState().apply(99, { start: rowStart(6) + 21, end: rowStart(6) + 24 });
    await waitFor(() => expect(stripeIds('Unknown code')).toHaveLength(1));
    await waitFor(() => expect(heldAnswers).toHaveLength(1));
    await act(async () => {
      for (const release of heldAnswers!) release();
      await applying;
    });
    expect(stripeIds('Unknown code')).toEqual([]);
    expect(useReader.getState().rowSegments[6]).toEqual([7]);
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual(['code 99 does not exist']);
  });

  it('shows the stripe drawn ahead in the last column where the margin is full, as the selected one', async () => {
    // Row 8 coded by Ben with nine codes: more columns than the margin shows (seven and a "+N").
    const dense = Array.from({ length: 9 }, (_, i) => ({
      id: 200 + i,
      codeId: 10 + i,
      coderId: BEN,
      startUtf16: rowStart(8),
      endUtf16: rowStart(8) + 40 - i,
    }));
    setApi(fakeBackend([...spans, ...dense]));
    await useReader.getState().load(7);
    renderRows();
    heldAnswers = [];
    const applying = useReader.getState().apply(3, { start: rowStart(8) + 21, end: rowStart(8) + 24 });
    await waitFor(() => expect(stripeIds('Money')).toHaveLength(1));
    expect(stripeIds('Money')[0]).toBeLessThan(0);
    await waitFor(() => expect(heldAnswers).toHaveLength(1));
    await act(async () => {
      for (const release of heldAnswers!) release();
      await applying;
    });
    expect(stripeIds('Money')).toEqual([500]);
  });

  it('draws nothing ahead where the backend will grow the coder’s own segment of that code instead', async () => {
    renderRows();
    heldAnswers = [];
    // Ana's segment 7 of code 1 covers [0, 9) of row 6: coding [5, 12) with code 1 grows it.
    const applying = useReader.getState().apply(1, { start: rowStart(6) + 5, end: rowStart(6) + 12 });
    await waitFor(() => expect(heldAnswers).toHaveLength(1));
    expect(useReader.getState().rowSegments[6]).toEqual([7]);
    await act(async () => {
      for (const release of heldAnswers!) release();
      await applying;
    });
  });
});

const stripeIds = (code: string) =>
  [...document.querySelectorAll<HTMLElement>(`.reader-stripe[data-code="${code}"]`)].map((e) =>
    Number(e.dataset.segmentId),
  );
