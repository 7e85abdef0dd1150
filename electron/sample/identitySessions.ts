import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Identity, IdentityKeyStatus } from '../../shared/api/sample';
import { PassageError } from '../../shared/api/result';
import type { Session } from '../backend/session';
import { projectGuid } from '../store/projectIdentity';
import { statement } from '../store/statements';
import { defaultKeyPath, IdentityKeyHolder, type KeyProject } from './identityKey';

// One identity key per backend session, in memory only, and only for the project it was unlocked with:
// opening another project makes it locked again without any call.
const holders = new WeakMap<Session, { holder: IdentityKeyHolder; projectPath: string }>();

/** The key's view of the open project; reads the connection afresh, as a reopened project has a new one. */
function keyProject(session: Session): KeyProject {
  const db = (): Database.Database => session.requireProject().db;
  return {
    guid: () => projectGuid(db()),
    participantGuid: (id) =>
      (statement(db(), 'SELECT guid FROM participants WHERE id = ?').get(id) as { guid: string } | undefined)
        ?.guid,
  };
}

export function identityHolder(session: Session): IdentityKeyHolder {
  const project = session.requireProject();
  const found = holders.get(session);
  if (found && found.projectPath === project.path) return found.holder;
  found?.holder.lock();
  const holder = new IdentityKeyHolder(keyProject(session));
  holders.set(session, { holder, projectPath: project.path });
  return holder;
}

/** Identities for the views while unlocked; null when locked (pseudonyms only). */
export function identityLookup(session: Session): ((id: number) => Identity | undefined) | null {
  const holder = identityHolder(session);
  return holder.isUnlocked ? (id) => holder.get(id) : null;
}

export function keyPath(session: Session, requested?: string): string {
  const project = session.requireProject();
  const file = path.resolve(requested ?? defaultKeyPath(project.path));
  // The whole point of the key is to stay out of the project file and its companions.
  if ([project.path, `${project.path}-wal`, `${project.path}-shm`].includes(file))
    throw new PassageError('invalid_argument', 'identity key: the key cannot be the project file');
  return file;
}

export function keyStatus(session: Session): IdentityKeyStatus {
  const holder = identityHolder(session);
  const file = holder.file ?? keyPath(session);
  return { path: file, exists: fs.existsSync(file), unlocked: holder.isUnlocked, entries: holder.size };
}
