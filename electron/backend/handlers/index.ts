import type { CallName } from '../../../shared/api/contract';
import type { Handlers } from '../handlerTypes';
import { codingHandlers } from './coding';
import { documentsHandlers } from './documents';
import { exchangeHandlers } from './exchange';
import { exportHandlers } from './export';
import { jobsHandlers } from './jobs';
import { privacyHandlers } from './privacy';
import { projectHandlers } from './project';
import { reportsHandlers } from './reports';
import { sampleHandlers } from './sample';
import { searchHandlers } from './search';
import { teamHandlers } from './team';

/** Every call in the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: Handlers<CallName> = {
  ...projectHandlers,
  ...jobsHandlers,
  ...documentsHandlers,
  ...searchHandlers,
  ...codingHandlers,
  ...sampleHandlers,
  ...reportsHandlers,
  ...exportHandlers,
  ...exchangeHandlers,
  ...teamHandlers,
  ...privacyHandlers,
};
