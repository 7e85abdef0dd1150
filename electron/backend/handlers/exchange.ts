import type { exchangeArgs } from '../../../shared/api/exchange';
import { exportCodebook, exportRefiProject } from '../../exchange/exportProject';
import { uncarried } from '../../exchange/gatherProject';
import { importRefiProject } from '../../exchange/importProject';
import { identityHolder } from '../../sample/identitySessions';
import { yieldToEventLoop } from '../jobs';
import type { HandlersFor } from '../handlerTypes';

export const exchangeHandlers: HandlersFor<typeof exchangeArgs> = {
  'exchange.importProject': (session, { source, target, offsets }) => ({
    jobId: session.jobs.start('refi-import', (progress) =>
      importRefiProject(source, target, {
        offsets,
        ...(session.nativeBinding ? { nativeBinding: session.nativeBinding } : {}),
        onProgress: async (phase, fraction) => {
          progress.update(Math.round(fraction * 100), 100, phase);
          await yieldToEventLoop();
        },
      }),
    ),
  }),
  'exchange.exportWarnings': (session) => uncarried(session.requireProject().db).warnings,
  'exchange.exportProject': (session, { target, overwrite }) => {
    const project = session.requireProject();
    return exportRefiProject(project.db, project.path, target, overwrite, identityHolder(session).file);
  },
  'exchange.exportCodebook': (session, { target, overwrite }) => {
    const project = session.requireProject();
    return exportCodebook(project.db, project.path, target, overwrite, identityHolder(session).file);
  },
};
