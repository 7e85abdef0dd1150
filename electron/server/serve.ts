import path from 'node:path';
import { parseArgs } from 'node:util';
import { lastProject } from '../backend/recent';
import { Session } from '../backend/session';
import { appRoot } from '../store/paths';
import { startBrowserServer } from './httpServer';

/** `npm run serve [-- --port N] [FILE]`: browser mode, opening FILE or the last project used. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { port: { type: 'string' }, token: { type: 'string' }, coder: { type: 'string' } },
    allowPositionals: true,
  });
  const session = new Session('http', { coder: values.coder });
  const file = positionals[0] ?? lastProject();
  if (file) {
    try {
      await session.open(path.resolve(file), false);
    } catch (error) {
      // A project that cannot be opened must not stop the app: the start screen explains instead.
      console.error(`passage: ${(error as Error).message}`);
    }
  }
  const server = await startBrowserServer({
    session,
    staticDir: path.join(appRoot(), 'out', 'renderer'),
    port: values.port ? Number(values.port) : undefined,
    token: values.token,
  });
  console.log(`Passage (browser mode) is running at ${server.url}`);
  const stop = async (): Promise<void> => {
    await server.close();
    session.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`passage: ${(error as Error).message}`);
  process.exit(1);
});
