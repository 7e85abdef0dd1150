import type { documentsArgs } from '../../../shared/api/documents';
import type { HandlersFor } from '../handlerTypes';

export const documentsHandlers: HandlersFor<typeof documentsArgs> = {};
