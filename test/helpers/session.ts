import path from 'node:path';
import { afterEach } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { tempDir } from './tmp';

const sessions: Session[] = [];

afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.close();
});

/** A real backend session over a new project file in a temp folder (closed after the test). */
export async function newProjectSession(
  coder = 'tester',
): Promise<{ session: Session; file: string; dir: string }> {
  const dir = tempDir();
  process.env.PASSAGE_HOME = path.join(dir, 'home');
  const session = new Session('cli', { coder });
  sessions.push(session);
  const file = path.join(dir, 'study.passage');
  await invoke(session, 'project.create', { path: file });
  return { session, file, dir };
}

export function trackSession(session: Session): Session {
  sessions.push(session);
  return session;
}
