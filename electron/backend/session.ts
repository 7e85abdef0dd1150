import os from 'node:os';
import { PassageError } from '../../shared/api/result';
import { defaultCoder } from '../store/coders';
import { closeProject, openProject, type Project } from '../store/openProject';
import { JobRegistry } from './jobs';
import { rememberRecent } from './recent';

export type Transport = 'electron' | 'http' | 'cli';

/**
 * What one backend (an Electron window, a browser-mode server, a CLI run) holds: at most one open
 * project, and who is coding. Handlers get it as their context.
 */
export class Session {
  project: Project | null = null;
  coder: string;
  /** Given on the command line or by the caller: a project's default coder (a coding copy's) does not replace it. */
  private readonly coderChosen: boolean;
  readonly transport: Transport;
  readonly nativeBinding: string | undefined;
  readonly jobs = new JobRegistry();

  constructor(transport: Transport, options: { coder?: string; nativeBinding?: string } = {}) {
    this.transport = transport;
    this.coder = options.coder ?? defaultCoderName();
    this.coderChosen = options.coder !== undefined;
    this.nativeBinding = options.nativeBinding;
  }

  async open(file: string, create: boolean): Promise<Project> {
    const project = await openProject(file, { create, nativeBinding: this.nativeBinding });
    this.close();
    this.project = project;
    if (!this.coderChosen) this.coder = defaultCoder(project.db) ?? defaultCoderName();
    if (this.transport !== 'cli') rememberRecent(project.path);
    return project;
  }

  close(): void {
    this.jobs.cancelAll();
    if (this.project) closeProject(this.project);
    this.project = null;
  }

  /** The open project, or a clear error for calls that need one. */
  requireProject(): Project {
    if (!this.project) throw new PassageError('no_project', 'no project is open — create or open one first');
    // One stat per call, so a write right after the file was deleted or moved is refused, not lost.
    this.project.guard.refresh();
    return this.project;
  }
}

function defaultCoderName(): string {
  try {
    return os.userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}
