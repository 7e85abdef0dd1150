import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import type { ProjectCounts, ProjectInfo } from '../../../shared/api/project';
import { PassageError } from '../../../shared/api/result';
import type { Project } from '../../store/openProject';
import { saveCopy } from '../../store/projectHealth';
import { recoverProject } from '../../store/recoverProject';
import { latestVersion } from '../../store/migrations';
import { countRows } from '../../store/counts';
import { buildDemo } from '../../demo/buildDemo';
import type { Handlers } from '../handlerTypes';
import { listRecent, projectName } from '../recent';
import type { Session } from '../session';

declare const __PASSAGE_VERSION__: string | undefined;

export function appVersion(): string {
  return typeof __PASSAGE_VERSION__ === 'string'
    ? __PASSAGE_VERSION__
    : (process.env.npm_package_version ?? '0.0.0-dev');
}

const COUNTED_TABLES: Record<keyof ProjectCounts, string> = {
  documents: 'documents',
  codes: 'codes',
  segments: 'segments',
  participants: 'participants',
  documentGroups: 'document_groups',
  codeGroups: 'code_groups',
  memos: 'memos',
};

/** A damaged file may have lost the index a count would use: count each table's own rows, 0 if unreadable. */
function countReadableRows(project: Project): ProjectCounts {
  const counts = {} as ProjectCounts;
  for (const [key, table] of Object.entries(COUNTED_TABLES) as [keyof ProjectCounts, string][]) {
    try {
      counts[key] = project.db.prepare(`SELECT count(*) FROM ${table} NOT INDEXED`).pluck().get() as number;
    } catch {
      counts[key] = 0;
    }
  }
  return counts;
}

/** While a large file's damage check runs, damage may first show as an unreadable count. */
function countOrReadable(project: Project): ProjectCounts {
  try {
    return countRows(project.db);
  } catch {
    return countReadableRows(project);
  }
}

export function describeProject(session: Session, project: Project): ProjectInfo {
  const counts: ProjectCounts =
    project.guard.current().state === 'damaged' ? countReadableRows(project) : countOrReadable(project);
  return {
    path: project.path,
    name: projectName(project.path),
    schemaVersion: project.schemaVersion,
    counts,
    coder: session.coder,
  };
}

function withExtension(file: string): string {
  return /\.passage$/i.test(file) ? file : `${file}.passage`;
}

function nextFreeDefaultPath(): string {
  const dir = path.join(os.homedir(), 'Passage');
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? 'My study.passage' : `My study ${n}.passage`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** The next "Passage example study" name free in the user's Documents folder (made if missing). */
function nextFreeDemoPath(): string {
  const dir = path.join(os.homedir(), 'Documents');
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const candidate = path.join(
      dir,
      n === 1 ? 'Passage example study.passage' : `Passage example study ${n}.passage`,
    );
    if (!fs.existsSync(candidate)) return candidate;
  }
}

export const projectHandlers: Handlers<
  | 'app.version'
  | 'project.create'
  | 'project.open'
  | 'project.close'
  | 'project.info'
  | 'project.recent'
  | 'project.defaultPath'
  | 'project.health'
  | 'project.saveCopy'
  | 'project.recover'
  | 'project.createDemo'
> = {
  'app.version': (session) => ({
    version: appVersion(),
    schemaVersion: latestVersion(),
    transport: session.transport,
    node: process.versions.node,
  }),
  'project.create': async (session, { path: file }) => {
    const target = path.resolve(withExtension(file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    return describeProject(session, await session.open(target, true));
  },
  'project.open': async (session, { path: file }) =>
    describeProject(session, await session.open(path.resolve(file), false)),
  'project.close': (session) => {
    session.close();
    return null;
  },
  'project.info': (session) => (session.project ? describeProject(session, session.project) : null),
  'project.recent': () => listRecent(),
  'project.defaultPath': () => nextFreeDefaultPath(),
  // A large file's damage check may still run in the background. A CLI run asks once and waits for the
  // verdict; the app polls every few seconds and must not pile up requests waiting on it.
  'project.health': async (session) => {
    if (!session.project) return null;
    return session.transport === 'cli'
      ? await session.project.guard.checked()
      : session.project.guard.refresh();
  },
  'project.saveCopy': async (session, { path: target, open }) => {
    const project = session.requireProject();
    // The backup API copies pages as they are: a copy of a damaged file would be just as damaged.
    const health = await project.guard.checked();
    if (health.state === 'damaged') throw new PassageError('project_damaged', health.message);
    const copy = await saveCopy(project.db, project.path, target);
    return { path: copy, opened: open ? describeProject(session, await session.open(copy, false)) : null };
  },
  'project.recover': async (session, { path: target, open }) => {
    const project = session.requireProject();
    const { path: copy, tables } = recoverProject(project.db, project.path, target, {
      nativeBinding: session.nativeBinding,
    });
    const opened = open ? describeProject(session, await session.open(copy, false)) : null;
    const sum = (key: 'recovered' | 'lost') => tables.reduce((n, t) => n + t[key], 0);
    return { path: copy, opened, recovered: sum('recovered'), lost: sum('lost'), tables };
  },
  // The study is built in a session of its own on the new file, then opened here like any project.
  'project.createDemo': async (session, { path: file }) => {
    const target = file === undefined ? nextFreeDemoPath() : path.resolve(withExtension(file));
    await buildDemo(target, { nativeBinding: session.nativeBinding });
    return describeProject(session, await session.open(target, false));
  },
};
