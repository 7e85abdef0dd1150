import type { exportArgs } from '../../../shared/api/export';
import { defaultTarget, downloadExport, startExport } from '../../export/job';
import { planWithCounts } from '../../export/gather';
import { exportSettings, saveExportSettings } from '../../store/exportSettings';
import type { HandlersFor } from '../handlerTypes';

export const exportHandlers: HandlersFor<typeof exportArgs> = {
  'export.outline': (session, { options }) => planWithCounts(session.requireProject().db, options).outline,
  'export.start': (session, { options, format, target, overwrite }) => ({
    jobId: startExport(session, options, format, target, overwrite),
  }),
  'export.defaultTarget': (session, { format }) => defaultTarget(session, format),
  'export.download': (session, { jobId }) => downloadExport(session, jobId),
  'export.getSettings': (session) => exportSettings(session.requireProject().db),
  'export.saveSettings': (session, { options }) => {
    saveExportSettings(session.requireProject().db, options);
    return null;
  },
};
