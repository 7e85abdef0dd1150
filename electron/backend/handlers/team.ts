import type { Coder } from '../../../shared/api/coding';
import { PassageError } from '../../../shared/api/result';
import type { teamArgs } from '../../../shared/api/team';
import { addCoder, coderName, ensureCoder, listCoders, renameCoder, setCoderColor } from '../../store/coders';
import { agreementReport, listDisagreements } from '../../team/agreement';
import { agreementFile, writeAgreement } from '../../team/agreementExport';
import { identityHolder } from '../../sample/identitySessions';
import { settlePassage } from '../../team/consensus';
import { makeCodingCopies } from '../../team/copies';
import { mergeProject } from '../../team/merge';
import type { HandlersFor } from '../handlerTypes';
import { undoable } from '../undoable';
import type { Session } from '../session';

function coderById(session: Session, id: number): Coder {
  const { db } = session.requireProject();
  const name = coderName(db, id);
  const coder = listCoders(db, session.coder).find((c) => c.id === id);
  if (!coder) throw new PassageError('not_found', `there is no coder named "${name}"`);
  return coder;
}

export const teamHandlers: HandlersFor<typeof teamArgs> = {
  'coders.current': (session) => {
    const { db } = session.requireProject();
    return coderById(session, ensureCoder(db, session.coder));
  },
  'coders.add': (session, { name, color }) => {
    const { db } = session.requireProject();
    return coderById(session, addCoder(db, name, color ?? null));
  },
  'coders.rename': (session, { id, name }) => {
    const { db } = session.requireProject();
    const old = coderName(db, id, 'rename coder');
    renameCoder(db, id, name);
    // The session codes as the renamed coder still.
    if (session.coder.trim().toLowerCase() === old.toLowerCase()) session.coder = name.trim();
    return coderById(session, id);
  },
  'coders.setColor': (session, { id, color }) => {
    setCoderColor(session.requireProject().db, id, color);
    return coderById(session, id);
  },

  'team.agreement': (session, scope) => agreementReport(session.requireProject().db, scope),
  'team.agreementFile': (session, { format, ...scope }) => {
    const project = session.requireProject();
    return agreementFile(project.db, project.path, scope, format);
  },
  'team.exportAgreement': (session, { file, overwrite, ...scope }) =>
    writeAgreement(session.requireProject(), scope, {
      file,
      overwrite,
      identityKey: identityHolder(session).file,
      howToReplace: session.transport === 'cli' ? 'pass --force to replace it' : 'confirm replacing it',
    }),
  'team.disagreements': (session, { limit, offset, ...scope }) =>
    listDisagreements(session.requireProject().db, scope, { limit, offset }),
  'team.makeCopies': (session, { coders, folder, withoutSegments }) => {
    const project = session.requireProject();
    return makeCodingCopies(project.db, project.path, {
      coders,
      folder,
      withoutSegments,
      nativeBinding: session.nativeBinding,
    });
  },
  'team.settle': (session, args) => {
    const { db } = session.requireProject();
    const label =
      args.keep.length > 0
        ? `Settle as consensus: keep ${args.keep.join(' and ')}`
        : 'Settle as consensus: neither';
    return undoable(session, label, (journal) => settlePassage(db, journal, args));
  },
  'team.merge': (session, { from }) => {
    const project = session.requireProject();
    return mergeProject(project, from, ensureCoder(project.db, session.coder), {
      nativeBinding: session.nativeBinding,
    });
  },
};
