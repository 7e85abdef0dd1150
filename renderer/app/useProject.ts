import { create } from 'zustand';
import type { ProjectInfo, RecentProject } from '../../shared/api/project';
import { call, callOrError } from '../api/client';
import { nextProjectGeneration } from './projectGeneration';

interface ProjectState {
  /** undefined until the first load; null when no project is open. */
  info: ProjectInfo | null | undefined;
  recent: RecentProject[];
  load(): Promise<void>;
  refreshInfo(): Promise<void>;
  create(path: string): Promise<string | null>;
  open(path: string): Promise<string | null>;
  close(): Promise<void>;
}

export const useProject = create<ProjectState>((set) => ({
  info: undefined,
  recent: [],
  async load() {
    const [info, recent] = await Promise.all([call('project.info', {}), call('project.recent', {})]);
    set({ info: info ?? null, recent: recent ?? [] });
  },
  async refreshInfo() {
    const info = await call('project.info', {});
    if (info !== undefined) set({ info });
  },
  async create(path) {
    const { value, error } = await callOrError('project.create', { path });
    if (error) return error.message;
    // Reset again as the new project arrives: a load still running for the old one may have written since.
    nextProjectGeneration();
    set({ info: value });
    return null;
  },
  async open(path) {
    const { value, error } = await callOrError('project.open', { path });
    if (error) return error.message;
    // Reset again as the new project arrives: a load still running for the old one may have written since.
    nextProjectGeneration();
    set({ info: value });
    return null;
  },
  async close() {
    // The workspace goes and the feature stores are emptied before the backend closes, so no view asks
    // a closed project for anything and nothing of this project reaches the next.
    nextProjectGeneration();
    set({ info: null });
    await call('project.close', {});
    const recent = await call('project.recent', {});
    set({ recent: recent ?? [] });
  },
}));
