import type { z } from 'zod';
import { argSchemas, isCallName, type CallName, type Results } from '../../shared/api/contract';
import { PassageError, type Result } from '../../shared/api/result';
import type { Handler } from './handlerTypes';
import { handlers } from './handlers';
import type { Session } from './session';

function describeZodError(call: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${call}: invalid argument`;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'argument';
  return `${call}: ${where}: ${issue.message}`;
}

/**
 * The backend side of the door: checks the call name, validates the argument with the contract's
 * schema and turns every outcome into a Result. Both transports (IPC, HTTP) and tests go through here.
 */
export async function dispatch(session: Session, call: string, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isCallName(call))
    return {
      ok: false,
      error: { code: 'unknown_call', message: `unknown call: ${String(call).slice(0, 100)}` },
    };
  const parsed = argSchemas[call].safeParse(rawArgs ?? {});
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid_argument', message: describeZodError(call, parsed.error) } };
  try {
    const handler = handlers[call] as Handler<CallName>;
    const value = await handler(session, parsed.data as never);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof PassageError)
      return { ok: false, error: { code: error.code, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `${call}: ${message}` } };
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
