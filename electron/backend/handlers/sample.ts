import type { sampleArgs } from '../../../shared/api/sample';
import { renumberByInterviewOrder } from '../../../shared/sample/labels';
import { importSampleCsv, readCsvFile } from '../../sample/csvImport';
import { identityHolder, identityLookup, keyPath, keyStatus } from '../../sample/identitySessions';
import {
  appendix,
  excluded,
  participantDetail,
  participantRows,
  reminders,
  saturation,
  statistics,
} from '../../sample/sampleView';
import {
  defineParticipantAttribute,
  listParticipantAttributes,
  setParticipantAttribute,
} from '../../store/participantAttributes';
import {
  addDefaultCategories,
  createCategory,
  deleteCategory,
  listCategories,
  renameCategory,
} from '../../store/participantCategories';
import { linkDocument, listDocumentsForLinking, unlinkDocument } from '../../store/participantDocuments';
import {
  createParticipant,
  deleteParticipant,
  getParticipantRecord,
  listParticipantRecords,
  renameParticipants,
  setStatus,
  today,
  updateParticipant,
} from '../../store/participants';
import { addReferral, removeReferral } from '../../store/referrals';
import type { HandlersFor } from '../handlerTypes';
import type { Session } from '../session';

const db = (session: Session) => session.requireProject().db;
const detail = (session: Session, id: number) => participantDetail(db(session), id, identityLookup(session));

export const sampleHandlers: HandlersFor<typeof sampleArgs> = {
  'sample.list': (session) => participantRows(db(session), identityLookup(session)),
  'sample.get': (session, { id }) => detail(session, id),
  'sample.create': (session, { status, statusDate, ...fields }) => {
    const id = createParticipant(db(session), fields, status, statusDate ?? today());
    return detail(session, id);
  },
  'sample.update': (session, { id, ...patch }) => {
    updateParticipant(db(session), id, patch);
    return detail(session, id);
  },
  'sample.delete': (session, { id }) => {
    deleteParticipant(db(session), id);
    return null;
  },
  'sample.setStatus': (session, { id, status, date, note }) => {
    setStatus(db(session), id, status, date ?? today(), note ?? '');
    return detail(session, id);
  },
  'sample.refer': (session, { referrerId, referredId, date, note }) => {
    addReferral(db(session), { referrerId, referredId, date: date ?? null, note: note ?? '' });
    return detail(session, referredId);
  },
  'sample.unrefer': (session, { referrerId, referredId }) => {
    removeReferral(db(session), referrerId, referredId);
    return null;
  },
  'sample.renumber': (session) => {
    const changes = renumberByInterviewOrder(
      listParticipantRecords(db(session)).map((p) => ({
        id: p.id,
        label: p.label,
        interviewDate: p.interviewDate,
      })),
    );
    renameParticipants(db(session), changes);
    return { renamed: changes.size };
  },
  'sample.categories.list': (session) => listCategories(db(session)),
  'sample.categories.create': (session, { name }) => createCategory(db(session), name),
  'sample.categories.rename': (session, { id, name }) => renameCategory(db(session), id, name),
  'sample.categories.delete': (session, { id }) => {
    deleteCategory(db(session), id);
    return null;
  },
  'sample.categories.addDefaults': (session) => addDefaultCategories(db(session)),
  'sample.attributes.list': (session) => listParticipantAttributes(db(session)),
  'sample.attributes.define': (session, { name, type }) =>
    defineParticipantAttribute(db(session), name, type),
  'sample.attributes.set': (session, { participantId, attributeId, value }) => {
    setParticipantAttribute(db(session), participantId, attributeId, value);
    return null;
  },
  'sample.documents': (session) => listDocumentsForLinking(db(session)),
  'sample.linkDocument': (session, { participantId, documentId }) => {
    linkDocument(db(session), participantId, documentId);
    return null;
  },
  'sample.unlinkDocument': (session, { documentId }) => {
    unlinkDocument(db(session), documentId);
    return null;
  },
  'sample.reminders': (session) => reminders(db(session)),
  'sample.statistics': (session) => statistics(db(session)),
  'sample.saturation': (session) => saturation(db(session)),
  'sample.appendix': (session) => appendix(db(session)),
  'sample.excluded': (session) => excluded(db(session)),
  'sample.import': (session, { path, text }) => importSampleCsv(db(session), text ?? readCsvFile(path!)),
  'sample.identity.status': (session) => keyStatus(session),
  'sample.identity.create': async (session, { passphrase, path }) => {
    await identityHolder(session).create(keyPath(session, path), passphrase);
    return keyStatus(session);
  },
  'sample.identity.unlock': async (session, { passphrase, path }) => {
    await identityHolder(session).unlock(keyPath(session, path), passphrase);
    return keyStatus(session);
  },
  'sample.identity.lock': (session) => {
    identityHolder(session).lock();
    return keyStatus(session);
  },
  'sample.identity.changePassphrase': async (session, { current, next }) => {
    await identityHolder(session).changePassphrase(current, next);
    return keyStatus(session);
  },
  'sample.identity.set': (session, { participantId, name, contact, notes }) => {
    getParticipantRecord(db(session), participantId);
    identityHolder(session).set(participantId, { name, contact, notes });
    return null;
  },
};
