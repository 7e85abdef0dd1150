import { describe, expect, it } from 'vitest';
import { JobRegistry, yieldToEventLoop } from '../../electron/backend/jobs';

describe('background jobs', () => {
  it('reports progress and the result', async () => {
    const jobs = new JobRegistry();
    const seen: number[] = [];
    const id = jobs.start('count', async (progress) => {
      for (let i = 1; i <= 3; i++) {
        progress.update(i, 3, `item ${i}`);
        seen.push(jobs.status(id).done);
        await yieldToEventLoop();
      }
      return 'finished';
    });
    expect(jobs.status(id).state).toBe('running');
    const final = await jobs.wait(id);
    expect(seen).toEqual([1, 2, 3]);
    expect(final).toMatchObject({ state: 'done', done: 3, total: 3, result: 'finished' });
  });

  it('stops a cancelled job at its next progress update', async () => {
    const jobs = new JobRegistry();
    let reached = 0;
    const id = jobs.start('long', async (progress) => {
      for (let i = 0; i < 1000; i++) {
        progress.update(i, 1000, `item ${i}`);
        reached = i;
        await yieldToEventLoop();
      }
    });
    await yieldToEventLoop();
    await yieldToEventLoop();
    jobs.cancel(id);
    const final = await jobs.wait(id);
    expect(final.state).toBe('cancelled');
    expect(reached).toBeLessThan(1000 - 1);
  });

  it('reports a failure with its message, and unknown ids clearly', async () => {
    const jobs = new JobRegistry();
    const id = jobs.start('broken', async () => {
      throw new Error('import: minutes.docx is password-protected');
    });
    expect(await jobs.wait(id)).toMatchObject({
      state: 'failed',
      error: 'import: minutes.docx is password-protected',
    });
    expect(() => jobs.status('nope')).toThrow(/job nope not found/);
  });
});
