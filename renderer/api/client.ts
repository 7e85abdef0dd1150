import type { Api, Args, CallName, Results } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import { useToasts } from '../app/useToasts';
import { deferredWrites, sendAfterPaint } from './afterPaint';
import { createApi } from './transport';

let current: Api | null = null;

/** The API in use; tests install a fake typed as the real contract with setApi. */
export function getApi(): Api {
  current ??= createApi();
  return current;
}

export function setApi(api: Api): void {
  current = api;
}

/**
 * Calls the backend and returns the value, or undefined after showing the error as a toast:
 * the one failure path of the whole UI.
 */
export function call<N extends CallName>(name: N, args: Args<N>): Promise<Results[N] | undefined> {
  return afterDeferredWrites(() => send(name, args));
}

/** Runs `ask` once the writes deferred so far are answered (at once when there are none). */
function afterDeferredWrites<T>(ask: () => Promise<T>): Promise<T> {
  const earlier = deferredWrites();
  return earlier ? earlier.then(ask) : ask();
}

/** `call` for a write already drawn ahead: sent once the frame showing it is painted (afterPaint.ts). */
export function callAfterPaint<N extends CallName>(name: N, args: Args<N>): Promise<Results[N] | undefined> {
  return sendAfterPaint(() => send(name, args));
}

async function send<N extends CallName>(name: N, args: Args<N>): Promise<Results[N] | undefined> {
  const result = await getApi()[name](args);
  if (result.ok) return result.value;
  reportError(result.error);
  return undefined;
}

/** Like call, but hands the error back for views that show it inline (forms). */
export async function callOrError<N extends CallName>(
  name: N,
  args: Args<N>,
): Promise<{ value?: Results[N]; error?: ApiError }> {
  const result = await afterDeferredWrites(() => getApi()[name](args));
  return result.ok ? { value: result.value } : { error: result.error };
}

export function reportError(error: ApiError): void {
  useToasts.getState().push({ kind: 'error', message: error.message });
}
