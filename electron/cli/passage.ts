import { PassageError } from '../../shared/api/result';
import { Session } from '../backend/session';
import type { Command } from './command';
import { commands } from './commands';
import { makeOutput } from './output';

function usage(all: Command[]): string {
  return [
    'usage: passage COMMAND FILE [options] [--json]',
    '',
    ...all.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Every command prints JSON with --json and exits non-zero with a message on error.',
  ].join('\n');
}

/** The scriptable face of the same backend: every command goes through the API contract. */
export async function runCli(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const rest = argv.filter((a) => a !== '--json');
  const [name, ...commandArgs] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage(commands)}\n`);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`passage: unknown command '${name}'\n${usage(commands)}\n`);
    return 2;
  }
  const session = new Session('cli', { coder: process.env.PASSAGE_CODER });
  try {
    await command.run({ session, out: makeOutput(json), argv: commandArgs });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ ok: false, error: { code: error instanceof PassageError ? error.code : 'internal', message } })}\n`,
      );
    process.stderr.write(`passage: ${message}\n`);
    return 1;
  } finally {
    session.close();
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`passage: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
