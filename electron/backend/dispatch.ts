import type { z } from 'zod';
import { argSchemas, isCallName, type CallName, type Results } from '../../shared/api/contract';
import { PassageError, type Result } from '../../shared/api/result';
import type { Handler } from './handlerTypes';
import { handlers } from './handlers';
import type { Session } from './session';

type Issue = z.ZodError['issues'][number];
const EXPECTED: Record<string, string> = {
  int: 'a whole number',
  array: 'a list',
  object: 'a set of fields',
  boolean: 'true or false',
};
const SIZE_UNITS: Record<string, string> = { string: 'characters', file: 'bytes' };

/** Zod's default wording in plain words; the contract's own messages ("name is empty") are kept. */
function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // Zod leaves the input out of its issues; its default wording says what arrived.
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      if (issue.message.endsWith('received undefined')) return 'is missing';
      return `must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}`;
    case 'unrecognized_keys':
      return `${issue.keys.map((key) => `"${key.slice(0, 60)}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a known field' : 'are not known fields'}`;
    case 'too_small':
    case 'too_big': {
      // Zod's default starts "Too small"/"Too big"; the contract's own wording is kept as is.
      if (!/^Too (small|big)/.test(issue.message)) return issue.message;
      const small = issue.code === 'too_small';
      const limit = String('minimum' in issue ? issue.minimum : issue.maximum);
      const relation = small
        ? issue.inclusive === false
          ? 'more than'
          : 'at least'
        : issue.inclusive === false
          ? 'less than'
          : 'at most';
      const numeric = ['number', 'int', 'bigint'].includes(issue.origin);
      return numeric
        ? `must be ${relation} ${limit}`
        : `must have ${relation} ${limit} ${SIZE_UNITS[issue.origin] ?? 'items'}`;
    }
    default:
      return issue.message;
  }
}

/** Names the field in the user's terms, never the call: "name: name is empty", "id: must be a number". */
function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is not valid';
  const where = issue.path.map(String).join('.');
  const what = describeIssue(issue);
  return where === '' ? what : `${where}: ${what}`;
}

/**
 * The backend side of the door: checks the call name, validates the argument with the contract's
 * schema and turns every outcome into a Result. Both transports (IPC, HTTP) and tests go through here.
 */
export async function dispatch(session: Session, call: string, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isCallName(call))
    return {
      ok: false,
      error: {
        code: 'unknown_call',
        message: `"${String(call).slice(0, 100)}" is not something Passage can do`,
      },
    };
  const parsed = argSchemas[call].safeParse(rawArgs ?? {});
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid_argument', message: describeZodError(parsed.error) } };
  try {
    const handler = handlers[call] as Handler<CallName>;
    const value = await handler(session, parsed.data as never);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof PassageError)
      return { ok: false, error: { code: error.code, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    // Unexpected failures keep the cause's words; the call name means nothing to a researcher.
    return { ok: false, error: { code: 'internal', message: `something went wrong: ${message}` } };
  }
}

/** Typed direct call for the CLI and tests: throws the PassageError instead of returning it. */
export async function invoke<N extends CallName>(
  session: Session,
  call: N,
  args: unknown,
): Promise<Results[N]> {
  const result = await dispatch(session, call, args);
  if (!result.ok) throw new PassageError(result.error.code, result.error.message);
  return result.value as Results[N];
}
