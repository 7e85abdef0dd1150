import type { codingArgs } from '../../../shared/api/coding';
import type { HandlersFor } from '../handlerTypes';

export const codingHandlers: HandlersFor<typeof codingArgs> = {};
