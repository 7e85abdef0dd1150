import { create } from 'zustand';
import type { ProjectHealth, ProjectInfo } from '../../../shared/api/project';
import { callOrError } from '../../api/client';
import { nextProjectGeneration } from '../../app/projectGeneration';
import { useProject } from '../../app/useProject';
import { useToasts } from '../../app/useToasts';

/** Often enough that a file deleted in another window is reported before much more work is typed. */
const POLL_MS = 3000;

interface ProjectHealthState {
  /** null while no project is open or nothing has been checked yet. */
  health: ProjectHealth | null;
  check(): Promise<void>;
  /** Saves the open project to `path` and switches to it; returns an error message or null. */
  saveCopy(path: string): Promise<string | null>;
  /** Recovers the damaged project into `path` and switches to it; returns an error message or null. */
  recover(path: string): Promise<string | null>;
}

function switchTo(info: ProjectInfo | null): void {
  if (info) useProject.setState({ info });
}

export const useProjectHealth = create<ProjectHealthState>((set) => ({
  health: null,
  async check() {
    // Quietly: a poll that fails (backend gone, call unknown) must not toast every few seconds.
    const { value } = await callOrError('project.health', {});
    if (value !== undefined) set({ health: value });
  },
  async saveCopy(path) {
    const { value, error } = await callOrError('project.saveCopy', { path, open: true });
    if (error) return error.message;
    // Same rows, same ids: the views stay where they are, now reading and writing the copy.
    switchTo(value?.opened ?? null);
    set({ health: { state: 'ok' } });
    useToasts
      .getState()
      .push({ kind: 'info', message: `Saved a copy to ${value?.path} — Passage now works on it` });
    return null;
  },
  async recover(path) {
    const { value, error } = await callOrError('project.recover', { path, open: true });
    if (error) return error.message;
    // Rows may be gone: every feature store starts afresh, as when another project opens.
    nextProjectGeneration();
    switchTo(value?.opened ?? null);
    set({ health: { state: 'ok' } });
    useToasts.getState().push({
      kind: 'info',
      message: `Recovered ${value?.recovered} row(s) into ${value?.path}; ${value?.lost} lost — Passage now works on it`,
    });
    return null;
  },
}));

let timer: ReturnType<typeof setInterval> | null = null;

/** Checks now, then every few seconds and after every error shown, until stopped. */
export function watchProjectHealth(): () => void {
  void useProjectHealth.getState().check();
  timer ??= setInterval(() => void useProjectHealth.getState().check(), POLL_MS);
  const unsubscribe = useToasts.subscribe((state, previous) => {
    const latest = state.toasts.at(-1);
    if (latest && latest !== previous.toasts.at(-1) && latest.kind === 'error')
      void useProjectHealth.getState().check();
  });
  return () => {
    unsubscribe();
    if (timer) clearInterval(timer);
    timer = null;
    useProjectHealth.setState({ health: null });
  };
}
