import type { CallName } from '../../../shared/api/contract';
import type { Handlers } from '../handlerTypes';
import { projectHandlers } from './project';

/** Every call in the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: Handlers<CallName> = {
  ...projectHandlers,
};
