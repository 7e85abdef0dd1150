import { z } from 'zod';
import { filePath, noArgs } from './schemas';

export const projectArgs = {
  'app.version': noArgs,
  'project.create': z.object({ path: filePath }).strict(),
  'project.open': z.object({ path: filePath }).strict(),
  'project.close': noArgs,
  'project.info': noArgs,
  'project.recent': noArgs,
  'project.defaultPath': noArgs,
};

export interface AppVersion {
  version: string;
  schemaVersion: number;
  transport: 'electron' | 'http' | 'cli';
  node: string;
}

export interface ProjectCounts {
  documents: number;
  codes: number;
  segments: number;
  participants: number;
  documentGroups: number;
  codeGroups: number;
  memos: number;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  counts: ProjectCounts;
  coder: string;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface ProjectResults {
  'app.version': AppVersion;
  'project.create': ProjectInfo;
  'project.open': ProjectInfo;
  'project.close': null;
  'project.info': ProjectInfo | null;
  'project.recent': RecentProject[];
  'project.defaultPath': string;
}
