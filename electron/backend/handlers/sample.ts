import type { sampleArgs } from '../../../shared/api/sample';
import type { HandlersFor } from '../handlerTypes';

export const sampleHandlers: HandlersFor<typeof sampleArgs> = {};
