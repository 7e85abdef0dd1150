import { codingArgs } from '../../../shared/api/coding';
import { PassageError } from '../../../shared/api/result';
import type { HandlersFor } from '../handlerTypes';

// Placeholder while the coding backend is being built: every call answers `unsupported`.
const notYet = (call: string) => (): never => {
  throw new PassageError('unsupported', `${call}: not built yet`);
};

export const codingHandlers = Object.fromEntries(
  Object.keys(codingArgs).map((call) => [call, notYet(call)]),
) as unknown as HandlersFor<typeof codingArgs>;
