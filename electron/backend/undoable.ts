import { ensureCoder } from '../store/coders';
import { runUndoable, type Journal } from '../store/undo';
import type { Session } from './session';

/** Runs a handler's change as one undo entry of the session's coder (each coder undoes their own). */
export function undoable<T>(session: Session, label: string, action: (journal: Journal) => T): T {
  const { db } = session.requireProject();
  return runUndoable(db, ensureCoder(db, session.coder), label, action);
}

/** The id of the session's coder in the open project, created on first use. */
export function currentCoderId(session: Session): number {
  return ensureCoder(session.requireProject().db, session.coder);
}
