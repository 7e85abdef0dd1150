// A long document opens in two steps: the spans of the screen it opens on, then the rest laid out
// around them. The first screen's stripes must not move when the rest arrives, counts and edits wait for
// the whole set, and a short document still takes one call.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Segment, SegmentSpan } from '../../shared/api/coding';
import { FIRST_SCREEN_AFTER, firstScreenRange } from '../../shared/reader/firstScreen';
import { seededRandom } from '../../shared/seededRandom';
import { setApi } from '../../renderer/api/client';
import { useCoderView } from '../../renderer/features/reader/useCoderView';
import { useReader } from '../../renderer/features/reader/useReader';
import { useToasts } from '../../renderer/app/useToasts';
import { createFakeApi } from '../fakeApi';
import { content } from '../reader/fixtures';

const paragraph = (i: number) => `Paragraph ${String(i).padStart(4, '0')} tells of briefings and of access.`;
/** 1,000 paragraphs of 50 characters: about 52,000, past the first screen's reach. */
const LONG = Array.from({ length: 1000 }, (_, i) => paragraph(i)).join('\n\n');

/** Dense coding: short spans of six codes all through the text, and some running over many paragraphs. */
function denseSpans(text: string, count: number): SegmentSpan[] {
  const next = seededRandom(18);
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(next() * (text.length - 10));
    const length = next() < 0.1 ? 200 + Math.floor(next() * 3000) : 5 + Math.floor(next() * 60);
    return {
      id: i + 1,
      codeId: 1 + Math.floor(next() * 6),
      coderId: 1,
      startUtf16: start,
      endUtf16: Math.min(text.length, start + length),
    };
  });
}

interface Backend {
  calls: { name: string; args: unknown }[];
  /** Lets the whole document's spans go (held until then). */
  release(): void;
}

function backend(text: string, spans: SegmentSpan[]): Backend {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const api = createFakeApi({
    'documents.get': () => ({ ...content(text), turns: [] }),
    'coders.list': () => [
      { id: 1, name: 'ana', color: '#aa0000', segmentCount: spans.length, current: true },
    ],
    'segments.spansByDocument': async ({ range }) => {
      if (range) return spans.filter((s) => s.startUtf16 < range.endUtf16 && s.endUtf16 > range.startUtf16);
      await held;
      return spans;
    },
    'segments.apply': ({ codeId, startUtf16, endUtf16 }) => saved(codeId, startUtf16, endUtf16),
  });
  setApi(api);
  return { calls: api.calls, release };
}

const saved = (codeId: number, startUtf16: number, endUtf16: number): Segment => ({
  id: 90_000,
  documentId: 7,
  codeId,
  startUtf16,
  endUtf16,
  text: '',
  memo: '',
  coder: 'ana',
  createdAt: '2026-12-05T15:00:00.000Z',
  updatedAt: '2026-12-05T15:00:00.000Z',
});

const spanCalls = (b: Backend) =>
  b.calls.filter((c) => c.name === 'segments.spansByDocument').map((c) => c.args);

/** Resolves once the reader shows the document (its first screen), before the rest is let go. */
async function shown(): Promise<void> {
  for (let i = 0; i < 100 && useReader.getState().status !== 'ready'; i++)
    await new Promise((r) => setTimeout(r, 5));
  expect(useReader.getState().status).toBe('ready');
}

describe('opening a long document, first screen first', () => {
  beforeEach(() => {
    useToasts.setState({ toasts: [] });
    localStorage.clear();
    useCoderView.setState({ projectPath: null, view: { kind: 'everyone' }, coders: [] });
    useReader.setState({ documentId: null, status: 'idle' });
  });

  it('draws the first screen’s spans, then the rest without moving a first-screen stripe', async () => {
    const spans = denseSpans(LONG, 3000);
    const b = backend(LONG, spans);
    // Opened at a passage halfway down: spans above the screen come first in the layout's order.
    const loading = useReader.getState().load(7, 26_000);
    await shown();
    const first = useReader.getState();
    const range = firstScreenRange(26_000);
    const inRange = spans.filter((s) => s.startUtf16 < range.endUtf16 && s.endUtf16 > range.startUtf16);
    expect(first.complete).toBe(false);
    expect(first.segments.size).toBe(inRange.length);
    expect(inRange.length).toBeLessThan(spans.length);
    expect(spanCalls(b)).toEqual([{ documentId: 7, range }]);
    const firstColumns = new Map(inRange.map((s) => [s.id, first.columns.get(s.id)]));

    b.release();
    await loading;
    const whole = useReader.getState();
    expect(whole.complete).toBe(true);
    expect(whole.segments.size).toBe(spans.length);
    expect(spanCalls(b)).toEqual([{ documentId: 7, range }, { documentId: 7 }]);
    const moved = inRange.filter((s) => whole.columns.get(s.id) !== firstColumns.get(s.id));
    expect(moved.map((s) => s.id)).toEqual([]);
    // Every row lists the segments touching it, those beyond the first screen included.
    const last = whole.rows.length - 1;
    const touchingLast = spans.filter((s) => s.endUtf16 > whole.rows[last]!.start).map((s) => s.id);
    expect([...(whole.rowSegments[last] ?? [])].sort((a, c) => a - c)).toEqual(
      touchingLast.sort((a, c) => a - c),
    );
  });

  it('asks for the screen around a passage it opens at', async () => {
    const b = backend(LONG, denseSpans(LONG, 500));
    const loading = useReader.getState().load(7, 30_000);
    await shown();
    expect(spanCalls(b)[0]).toEqual({ documentId: 7, range: { startUtf16: 22_000, endUtf16: 46_000 } });
    b.release();
    await loading;
    expect(useReader.getState().complete).toBe(true);
  });

  it('holds a code applied meanwhile until every span is in', async () => {
    const b = backend(LONG, denseSpans(LONG, 500));
    const loading = useReader.getState().load(7);
    await shown();
    const applying = useReader.getState().apply(2, { start: 10, end: 20 });
    await new Promise((r) => setTimeout(r, 20));
    expect(b.calls.some((c) => c.name === 'segments.apply')).toBe(false);
    b.release();
    await loading;
    const segment = await applying;
    expect(segment?.id).toBe(90_000);
    expect(b.calls.filter((c) => c.name === 'segments.apply')).toHaveLength(1);
    expect(useReader.getState().segments.has(90_000)).toBe(true);
  });

  it('takes one call for a document the first screen covers', async () => {
    const short = Array.from({ length: 100 }, (_, i) => paragraph(i)).join('\n\n');
    expect(short.length).toBeLessThan(FIRST_SCREEN_AFTER);
    const spans = denseSpans(short, 200);
    const b = backend(short, spans);
    await useReader.getState().load(7);
    expect(useReader.getState().complete).toBe(true);
    expect(useReader.getState().segments.size).toBe(spans.length);
    expect(spanCalls(b)).toHaveLength(1);
  });
});
