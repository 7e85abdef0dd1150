import type { Handlers } from '../handlerTypes';

export const jobsHandlers: Handlers<'jobs.status' | 'jobs.cancel'> = {
  'jobs.status': (session, { id }) => session.jobs.status(id),
  'jobs.cancel': (session, { id }) => session.jobs.cancel(id),
};
