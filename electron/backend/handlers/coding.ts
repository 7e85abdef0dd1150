import type { Code, codingArgs } from '../../../shared/api/coding';
import { PassageError } from '../../../shared/api/result';
import { inVivoName } from '../../../shared/reader/words';
import * as codeGroups from '../../store/codeGroups';
import { listTemplates, readTemplate } from '../../store/codebookTemplates';
import { ensureCoder, listCoders } from '../../store/coders';
import * as codes from '../../store/codes';
import { documentTextWindow } from '../../store/documentTextWindow';
import * as memos from '../../store/memos';
import * as segments from '../../store/segments';
import { redo, undo, undoState } from '../../store/undo';
import { listCoderSpans } from '../../team/coderSpans';
import { currentCoderId, undoable } from '../undoable';
import type { HandlersFor } from '../handlerTypes';
import type { Session } from '../session';

const codeName = (session: Session, id: number): string => {
  const { db } = session.requireProject();
  return codes.getCode(db, id).name;
};

/** A heading (not codable) only groups its sub-codes; a segment of it would be coded nowhere else. */
function refuseHeading(code: Code): void {
  if (code.codable === false)
    throw new PassageError(
      'invalid_argument',
      `'${code.name}' is a heading: it can't be applied; apply one of its sub-codes`,
    );
}

export const codingHandlers: HandlersFor<typeof codingArgs> = {
  'codes.list': (session) => codes.listCodes(session.requireProject().db),
  'codes.create': (session, args) => {
    const { db } = session.requireProject();
    const id = undoable(session, `Create code ${args.name}`, (j) => codes.createCode(db, j, args));
    return codes.getCode(db, id);
  },
  'codes.update': (session, { id, ...changes }) => {
    const { db } = session.requireProject();
    const before = codes.getCode(db, id);
    const label =
      changes.name !== undefined && changes.name !== before.name
        ? `Rename code ${before.name} to ${changes.name}`
        : changes.color !== undefined && Object.keys(changes).length === 1
          ? `Recolour code ${before.name}`
          : changes.codable !== undefined && Object.keys(changes).length === 1
            ? `Make code ${before.name} ${changes.codable ? 'applicable' : 'a heading'}`
            : `Edit code ${before.name}`;
    undoable(session, label, (j) => codes.updateCode(db, j, id, changes));
    return codes.getCode(db, id);
  },
  'codes.move': (session, { id, parentId, position }) => {
    const { db } = session.requireProject();
    const name = codes.getCode(db, id).name;
    undoable(session, `Move code ${name}`, (j) => codes.moveCode(db, j, id, parentId, position));
    return codes.getCode(db, id);
  },
  'codes.merge': (session, { sourceId, targetId }) => {
    const { db } = session.requireProject();
    const source = codes.getCode(db, sourceId, 'code to merge');
    const target = codes.getCode(db, targetId, 'target code');
    const stats = undoable(session, `Merge code ${source.name} into ${target.name}`, (j) =>
      codes.mergeCodes(db, j, sourceId, targetId),
    );
    return { code: codes.getCode(db, targetId), ...stats };
  },
  'codes.usage': (session, { id }) => codes.codeUsage(session.requireProject().db, id),
  'codes.delete': (session, { id }) => {
    const { db } = session.requireProject();
    const name = codes.getCode(db, id).name;
    return undoable(session, `Delete code ${name}`, (j) => codes.deleteCode(db, j, id));
  },

  'codeGroups.list': (session) => codeGroups.listCodeGroups(session.requireProject().db),
  'codeGroups.create': (session, args) => {
    const { db } = session.requireProject();
    const id = undoable(session, `Create code group ${args.name}`, (j) =>
      codeGroups.createCodeGroup(db, j, args),
    );
    return codeGroups.getCodeGroup(db, id);
  },
  'codeGroups.update': (session, { id, ...changes }) => {
    const { db } = session.requireProject();
    const group = codeGroups.getCodeGroup(db, id);
    undoable(session, `Edit code group ${group.name}`, (j) => codeGroups.updateCodeGroup(db, j, id, changes));
    return codeGroups.getCodeGroup(db, id);
  },
  'codeGroups.delete': (session, { id }) => {
    const { db } = session.requireProject();
    const group = codeGroups.getCodeGroup(db, id);
    undoable(session, `Delete code group ${group.name}`, (j) => codeGroups.deleteCodeGroup(db, j, id));
    return null;
  },
  'codeGroups.setMembers': (session, { id, codeIds }) => {
    const { db } = session.requireProject();
    const group = codeGroups.getCodeGroup(db, id);
    undoable(session, `Change codes of group ${group.name}`, (j) =>
      codeGroups.setCodeGroupMembers(db, j, id, codeIds),
    );
    return codeGroups.getCodeGroup(db, id);
  },

  'segments.listByDocument': (session, { documentId }) => {
    const { db } = session.requireProject();
    segments.documentText(db, documentId, 'segments.listByDocument');
    return segments.listSegmentsByDocument(db, documentId);
  },
  'segments.spansByDocument': (session, { documentId, coderIds, range }) =>
    listCoderSpans(session.requireProject().db, documentId, coderIds, range),
  'segments.get': (session, { id }) => segments.getSegment(session.requireProject().db, id, 'segments.get'),
  'segments.apply': (session, args) => {
    const { db } = session.requireProject();
    const code = codes.getCode(db, args.codeId);
    refuseHeading(code);
    const coderId = ensureCoder(db, session.coder);
    const label = `Apply code ${code.name}`;
    const { id } = undoable(session, label, (j) => segments.applySegment(db, j, { ...args, coderId }));
    return segments.getSegment(db, id);
  },
  'segments.applyInVivo': (session, { documentId, startUtf16, endUtf16 }) => {
    const { db } = session.requireProject();
    const name = inVivoName(documentTextWindow(db, documentId).slice(startUtf16, endUtf16));
    if (!name) throw new PassageError('invalid_argument', 'the selection has no words to name a code by');
    const existing = codes.findCodeByName(db, name, null);
    if (existing) refuseHeading(codes.getCode(db, existing.id));
    const coderId = ensureCoder(db, session.coder);
    const done = undoable(session, `Code in vivo as ${name}`, (j) => {
      const codeId = existing?.id ?? codes.createCode(db, j, { name });
      return segments.applySegment(db, j, { documentId, codeId, startUtf16, endUtf16, coderId });
    });
    const segment = segments.getSegment(db, done.id);
    return { segment, code: codes.getCode(db, segment.codeId), codeCreated: existing === undefined };
  },
  'segments.remove': (session, { id }) => {
    const { db } = session.requireProject();
    const seg = segments.getSegment(db, id, 'segments.remove');
    undoable(session, `Remove code ${codeName(session, seg.codeId)}`, (j) =>
      segments.removeSegment(db, j, id),
    );
    return null;
  },
  'segments.resize': (session, { id, startUtf16, endUtf16 }) => {
    const { db } = session.requireProject();
    const seg = segments.getSegment(db, id, 'segments.resize');
    undoable(session, `Resize segment of ${codeName(session, seg.codeId)}`, (j) =>
      segments.resizeSegment(db, j, id, startUtf16, endUtf16),
    );
    return segments.getSegment(db, id);
  },
  'segments.recode': (session, { id, codeId }) => {
    const { db } = session.requireProject();
    segments.getSegment(db, id, 'segments.recode');
    const label = `Recode segment as ${codes.getCode(db, codeId).name}`;
    undoable(session, label, (j) => segments.recodeSegment(db, j, id, codeId));
    return segments.getSegment(db, id);
  },
  'segments.setMemo': (session, { id, memo }) => {
    const { db } = session.requireProject();
    segments.getSegment(db, id, 'segments.setMemo');
    undoable(session, 'Edit segment memo', (j) => segments.setSegmentMemo(db, j, id, memo));
    return segments.getSegment(db, id);
  },
  'segments.listByCode': (session, args) => segments.listSegmentsByCode(session.requireProject().db, args),
  'segments.neighbor': (session, args) => segments.neighborSegment(session.requireProject().db, args),

  'memos.list': (session, args) => memos.listMemos(session.requireProject().db, args),
  'memos.create': (session, args) => {
    const { db } = session.requireProject();
    const id = undoable(session, 'Create memo', (j) =>
      memos.createMemo(db, j, { ...args, author: session.coder }),
    );
    return memos.getMemo(db, id);
  },
  'memos.update': (session, { id, ...changes }) => {
    const { db } = session.requireProject();
    memos.getMemo(db, id);
    undoable(session, 'Edit memo', (j) => memos.updateMemo(db, j, id, changes));
    return memos.getMemo(db, id);
  },
  'memos.delete': (session, { id }) => {
    const { db } = session.requireProject();
    memos.getMemo(db, id);
    undoable(session, 'Delete memo', (j) => memos.deleteMemo(db, j, id));
    return null;
  },

  'coders.list': (session) => {
    const { db } = session.requireProject();
    ensureCoder(db, session.coder);
    return listCoders(db, session.coder);
  },
  'coders.setCurrent': (session, { name }) => {
    const { db } = session.requireProject();
    ensureCoder(db, name);
    session.coder = name;
    const current = listCoders(db, name).find((c) => c.current);
    if (!current) throw new PassageError('internal', `coder ${name} was not saved`);
    return current;
  },

  'undo.undo': (session) => {
    const { db } = session.requireProject();
    const coderId = currentCoderId(session);
    const label = undo(db, coderId);
    return { label, state: undoState(db, coderId) };
  },
  'undo.redo': (session) => {
    const { db } = session.requireProject();
    const coderId = currentCoderId(session);
    const label = redo(db, coderId);
    return { label, state: undoState(db, coderId) };
  },
  'undo.state': (session) => undoState(session.requireProject().db, currentCoderId(session)),

  'templates.list': () => listTemplates(),
  'templates.load': (session, args) => {
    const { db } = session.requireProject();
    const template = readTemplate(args);
    return undoable(session, `Load codebook ${template.title}`, (j) =>
      codeGroups.importTemplate(db, j, template),
    );
  },
};
