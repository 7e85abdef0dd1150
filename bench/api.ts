// The bench calls the backend exactly as the app does: through dispatch and the contract. Calls are
// named as strings so the bench still builds (and says "not measured") while a part is unbuilt.
import { dispatch } from '../electron/backend/dispatch';
import { handlers } from '../electron/backend/handlers';
import type { Session } from '../electron/backend/session';
import { isCallName } from '../shared/api/contract';

/** The call exists in the contract and has a handler. */
export function available(name: string): boolean {
  return isCallName(name) && typeof (handlers as Record<string, unknown>)[name] === 'function';
}

export class CallFailed extends Error {}

export async function call(session: Session, name: string, args: unknown): Promise<unknown> {
  if (!available(name)) throw new CallFailed(`${name} is not built yet`);
  const result = await dispatch(session, name, args);
  if (!result.ok) throw new CallFailed(`${name}: ${result.error.message}`);
  return result.value;
}

/** Runs a job-starting call to completion and returns the job's result. */
export async function runJob(session: Session, name: string, args: unknown): Promise<unknown> {
  const started = (await call(session, name, args)) as { jobId?: string; id?: string };
  const id = started.jobId ?? started.id;
  if (typeof id !== 'string') throw new CallFailed(`${name}: no job id in ${JSON.stringify(started)}`);
  const status = await session.jobs.wait(id, 5);
  if (status.state !== 'done') throw new CallFailed(`${name}: job ${status.state}: ${status.error ?? ''}`);
  return status.result;
}

export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
