import type { Api, Args, CallName, Results } from '../shared/api/contract';
import { callNames } from '../shared/api/contract';
import { PassageError } from '../shared/api/result';

export type FakeHandlers = { [N in CallName]?: (args: Args<N>) => Results[N] | Promise<Results[N]> };

/**
 * A stand-in backend for component tests, typed by the real contract so it cannot drift from it.
 * Calls not given answer `unsupported`, which a test sees as an error toast.
 */
export function createFakeApi(handlers: FakeHandlers): Api & { calls: { name: CallName; args: unknown }[] } {
  const calls: { name: CallName; args: unknown }[] = [];
  const api = Object.fromEntries(
    callNames.map((name) => [
      name,
      async (args: unknown) => {
        calls.push({ name, args });
        const handler = handlers[name] as ((a: unknown) => unknown) | undefined;
        if (!handler) return { ok: false, error: { code: 'unsupported', message: `${name}: not faked` } };
        try {
          return { ok: true, value: await handler(args) };
        } catch (error) {
          const e = error instanceof PassageError ? error : new PassageError('internal', String(error));
          return { ok: false, error: { code: e.code, message: e.message } };
        }
      },
    ]),
  ) as Api;
  return Object.assign(api, { calls });
}
