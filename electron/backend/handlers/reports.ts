import type { reportsArgs } from '../../../shared/api/reports';
import { reportOptions } from '../../reports/options';
import {
  cellEvidence,
  cooccurrenceReport,
  evidenceCitations,
  evidencePage,
  frequencyReport,
  matrixReport,
  pagedEvidenceReport,
  timelineReport,
} from '../../reports/reports';
import type { HandlersFor } from '../handlerTypes';

// Reports are read-only and computed synchronously from SQLite (the heaviest, a full 60 × 60
// co-occurrence, takes well under a second); the renderer awaits them with a spinner.
export const reportsHandlers: HandlersFor<typeof reportsArgs> = {
  'reports.options': (session) => reportOptions(session.requireProject().db),
  'reports.evidence': (session, { filters, sort, pageSize }) =>
    pagedEvidenceReport(session.requireProject().db, filters, sort, pageSize),
  'reports.evidencePage': (session, args) => evidencePage(session.requireProject().db, args),
  'reports.evidenceCitations': (session, args) => evidenceCitations(session.requireProject().db, args),
  'reports.cooccurrence': (session, args) => cooccurrenceReport(session.requireProject().db, args),
  'reports.matrix': (session, args) => matrixReport(session.requireProject().db, args),
  'reports.timeline': (session, args) => timelineReport(session.requireProject().db, args),
  'reports.frequencies': (session, { filters }) => frequencyReport(session.requireProject().db, filters),
  'reports.cellEvidence': (session, { filters, cell }) =>
    cellEvidence(session.requireProject().db, filters, cell),
};
