import { PassageError } from '../../shared/api/result';
import { Session } from '../backend/session';
import { coderCreatedSince } from '../store/coders';
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

// In these commands --coder filters what is read; everywhere else it names who is writing.
const CODER_IS_A_FILTER = new Set(['report', 'export']);

/** `--coder NAME` (the session's coder), taken out of the command's own arguments. */
function takeCoder(command: string, argv: string[]): { coder: string | undefined; argv: string[] } {
  const at = argv.indexOf('--coder');
  if (CODER_IS_A_FILTER.has(command) || at < 0) return { coder: undefined, argv };
  const coder = argv[at + 1]?.trim();
  if (!coder || coder.startsWith('--'))
    throw new PassageError('invalid_argument', `${command}: --coder needs a name`);
  return { coder, argv: [...argv.slice(0, at), ...argv.slice(at + 2)] };
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
  let taken: ReturnType<typeof takeCoder>;
  try {
    taken = takeCoder(name, commandArgs);
  } catch (error) {
    process.stderr.write(`passage: ${(error as Error).message}\n`);
    return 2;
  }
  const { coder, argv: ownArgs } = taken;
  // Commands that read PASSAGE_CODER themselves see the --coder choice too.
  if (coder !== undefined) process.env.PASSAGE_CODER = coder;
  const session = new Session('cli', { coder: coder ?? process.env.PASSAGE_CODER });
  const started = new Date().toISOString();
  try {
    await command.run({ session, out: makeOutput(json), argv: ownArgs });
    if (session.project && coderCreatedSince(session.project.db, session.coder, started))
      process.stderr.write(`passage: new coder "${session.coder}" added to ${session.project.path}\n`);
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
