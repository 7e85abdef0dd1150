import type { reportsArgs } from '../../../shared/api/reports';
import type { HandlersFor } from '../handlerTypes';

export const reportsHandlers: HandlersFor<typeof reportsArgs> = {};
