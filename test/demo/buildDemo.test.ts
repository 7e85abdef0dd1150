import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { buildDemo } from '../../electron/demo/buildDemo';
import { FIRST_CODER_SEGMENTS, SECOND_CODER_SEGMENTS } from '../../electron/demo/coding';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

async function openDemo(): Promise<{ session: Session; file: string; dir: string }> {
  const dir = tempDir();
  process.env.PASSAGE_HOME = path.join(dir, 'home');
  const file = path.join(dir, 'example.passage');
  await buildDemo(file);
  const session = trackSession(new Session('cli', { coder: 'reader' }));
  await invoke(session, 'project.open', { path: file });
  return { session, file, dir };
}

describe('the example study', () => {
  it('holds documents, codes, segments, participants, referrals, groups and memos', async () => {
    const { session } = await openDemo();
    const info = await invoke(session, 'project.info', {});
    expect(info?.counts).toMatchObject({ documents: 18, participants: 12 });
    expect(info?.counts.segments).toBe(FIRST_CODER_SEGMENTS.length + SECOND_CODER_SEGMENTS.length);
    expect(info?.counts.codes).toBeGreaterThan(25);
  }, 60_000);
});
