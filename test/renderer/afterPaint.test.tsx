import { describe, expect, it } from 'vitest';
import { callAfterPaint, call, setApi } from '../../renderer/api/client';
import { deferredWrites } from '../../renderer/api/afterPaint';
import type { Segment } from '../../shared/api/coding';
import { createFakeApi } from '../fakeApi';

// A write drawn ahead is sent after the frame showing it; nothing asked for later may overtake it.

const segment = (id: number): Segment => ({
  id,
  documentId: 7,
  codeId: 1,
  startUtf16: 0,
  endUtf16: 3,
  text: 'NGO',
  memo: '',
  coder: 'ana',
  createdAt: '2026-12-05T00:00:00Z',
  updatedAt: '2026-12-05T00:00:00Z',
});

function heldBackend() {
  const held: (() => void)[] = [];
  const order: string[] = [];
  const api = createFakeApi({
    'segments.apply': () =>
      new Promise<Segment>((resolve) => {
        order.push('apply sent');
        held.push(() => {
          order.push('apply answered');
          resolve(segment(1));
        });
      }),
    'undo.undo': () => {
      order.push('undo sent');
      return { label: 'Apply code', state: { undo: null, redo: 'Apply code' } };
    },
  });
  return { api, held, order };
}

const args = { documentId: 7, codeId: 1, startUtf16: 0, endUtf16: 3 };

describe('writes sent after the paint', () => {
  it('sends the write only after the current task, and an undo asked for meanwhile after its answer', async () => {
    const { api, held, order } = heldBackend();
    setApi(api);
    const applied = callAfterPaint('segments.apply', args);
    const undone = call('undo.undo', {});
    // Nothing has gone out in the task that drew the change.
    expect(api.calls).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['apply sent']);
    held[0]!();
    expect(await applied).toMatchObject({ id: 1 });
    await undone;
    expect(order).toEqual(['apply sent', 'apply answered', 'undo sent']);
    expect(deferredWrites()).toBeNull();
  });

  it('keeps deferred writes in the order asked for, and lets later calls through once they fail', async () => {
    const sent: number[] = [];
    const api = createFakeApi({
      'segments.apply': ({ codeId }) => {
        sent.push(codeId);
        if (codeId === 2) throw new Error('refused');
        return segment(codeId);
      },
      'undo.undo': () => ({ label: null, state: { undo: null, redo: null } }),
    });
    setApi(api);
    const writes = [1, 2, 3].map((codeId) => callAfterPaint('segments.apply', { ...args, codeId }));
    const undone = call('undo.undo', {});
    const answers = await Promise.all(writes);
    expect(answers.map((a) => a?.id)).toEqual([1, undefined, 3]);
    await undone;
    expect(sent).toEqual([1, 2, 3]);
    expect(api.calls.map((c) => c.name)).toEqual([
      'segments.apply',
      'segments.apply',
      'segments.apply',
      'undo.undo',
    ]);
  });

  it('sends what it still holds at once when the page goes away', async () => {
    const api = createFakeApi({ 'segments.apply': ({ codeId }) => segment(codeId) });
    setApi(api);
    const writes = [1, 2].map((codeId) => callAfterPaint('segments.apply', { ...args, codeId }));
    expect(api.calls).toEqual([]);
    window.dispatchEvent(new Event('pagehide'));
    expect(api.calls.map((c) => (c.args as { codeId: number }).codeId)).toEqual([1, 2]);
    expect((await Promise.all(writes)).map((w) => w?.id)).toEqual([1, 2]);
    // Each was sent once: the frames that follow find nothing left to send.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.calls).toHaveLength(2);
  });
});
