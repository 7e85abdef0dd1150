import type { documentsArgs } from '../../../shared/api/documents';
import { PassageError } from '../../../shared/api/result';
import { importAttributesCsv } from '../../import/attributesCsv';
import { startImportJob } from '../../import/importJob';
import { defineAttribute, deleteAttribute, listAttributes, setAttributeValue } from '../../store/attributes';
import {
  deleteDocuments,
  deletionImpact,
  getDocumentContent,
  listDocuments,
  requireDocument,
  updateDocument,
} from '../../store/documents';
import { listSpeakers, listTurns, renameSpeaker } from '../../store/turns';
import type { HandlersFor } from '../handlerTypes';
import { undoable } from '../undoable';

export const documentsHandlers: HandlersFor<typeof documentsArgs> = {
  'documents.get': (session, { id }) => getDocumentContent(session.requireProject().db, id),
  'documents.list': (session, filters) => listDocuments(session.requireProject().db, filters),
  'documents.import': (session, args) => ({
    jobId: startImportJob(session.jobs, session.requireProject().db, args),
  }),
  'documents.update': (session, { id, ...changes }) =>
    updateDocument(session.requireProject().db, id, changes),
  'documents.delete': (session, { ids }) => {
    const { db } = session.requireProject();
    const { documents } = deletionImpact(db, ids); // refuses an unknown id before anything is written
    const label =
      documents === 1
        ? `Delete document ${requireDocument(db, ids[0]!).title}`
        : `Delete ${documents} documents`;
    return undoable(session, label, (journal) => deleteDocuments(db, journal, ids));
  },
  'documents.deletionImpact': (session, { ids }) => deletionImpact(session.requireProject().db, ids),
  'attributes.list': (session) => listAttributes(session.requireProject().db),
  'attributes.define': (session, { name, type }) => defineAttribute(session.requireProject().db, name, type),
  'attributes.delete': (session, { id }) => {
    deleteAttribute(session.requireProject().db, id);
    return null;
  },
  'attributes.set': (session, { documentId, name, value }) => {
    const { db } = session.requireProject();
    requireDocument(db, documentId);
    setAttributeValue(db, documentId, name, value);
    return requireDocument(db, documentId);
  },
  'attributes.importCsv': (session, args) => importAttributesCsv(session.requireProject().db, args),
  'turns.speakers': (session, { documentId }) => {
    const { db } = session.requireProject();
    requireDocument(db, documentId);
    return listSpeakers(db, documentId);
  },
  'turns.renameSpeaker': (session, { documentId, from, to }) => {
    const { db } = session.requireProject();
    requireDocument(db, documentId);
    const renamed = renameSpeaker(db, documentId, from, to);
    if (renamed === 0) throw new PassageError('not_found', `document ${documentId} has no speaker ${from}`);
    return { renamed, turns: listTurns(db, documentId) };
  },
};
