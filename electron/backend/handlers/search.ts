import type { searchArgs } from '../../../shared/api/search';
import type { HandlersFor } from '../handlerTypes';

export const searchHandlers: HandlersFor<typeof searchArgs> = {};
