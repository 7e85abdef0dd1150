import type { exportArgs } from '../../../shared/api/export';
import type { HandlersFor } from '../handlerTypes';

export const exportHandlers: HandlersFor<typeof exportArgs> = {};
