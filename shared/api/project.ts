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
  /** Whether the open project's file is still there and sound; the UI polls it for its banner. */
  'project.health': noArgs,
  /** Writes the open project, as the connection sees it, to a new file; `open` switches to the copy. */
  'project.saveCopy': z.object({ path: filePath, open: z.boolean().optional() }).strict(),
  /** Copies every readable row of a damaged open project into a new file; `open` switches to it. */
  'project.recover': z.object({ path: filePath, open: z.boolean().optional() }).strict(),
  /**
   * Writes the example study into a new file and opens it: `path`, or the next free
   * "Passage example study.passage" in the user's Documents folder. Never replaces a file.
   */
  'project.createDemo': z.object({ path: filePath.optional() }).strict(),
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

/** 'missing': the path no longer names the file that was opened (deleted, moved or replaced). */
export type ProjectHealth =
  | { state: 'ok' }
  | { state: 'missing'; message: string }
  | { state: 'damaged'; message: string; problems: string[] };

export interface SavedCopy {
  path: string;
  /** The copy's description when it was opened in place of the old file. */
  opened: ProjectInfo | null;
}

export interface RecoveredTable {
  table: string;
  recovered: number;
  /** Rows known lost: unreadable (counted through an intact index when there is one) or left pointing at lost rows. */
  lost: number;
  /** Rows of unreadable pages that could not be counted, e.g. "ids 1021–1187". */
  unreadable: string[];
}

export interface RecoveryReport extends SavedCopy {
  recovered: number;
  lost: number;
  tables: RecoveredTable[];
}

export interface ProjectResults {
  'app.version': AppVersion;
  'project.create': ProjectInfo;
  'project.open': ProjectInfo;
  'project.close': null;
  'project.info': ProjectInfo | null;
  'project.recent': RecentProject[];
  'project.defaultPath': string;
  'project.health': ProjectHealth | null;
  'project.saveCopy': SavedCopy;
  'project.recover': RecoveryReport;
  'project.createDemo': ProjectInfo;
}
