import fs from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../../shared/api/project';
import { readJson, writeJson } from './userConfig';

const FILE = 'recent.json';
const MAX_RECENT = 12;

interface StoredRecent {
  path: string;
  openedAt: string;
}

export function projectName(file: string): string {
  return path.basename(file).replace(/\.passage$/i, '');
}

export function listRecent(): RecentProject[] {
  return readJson<StoredRecent[]>(FILE, []).map((r) => ({
    path: r.path,
    name: projectName(r.path),
    openedAt: r.openedAt,
    exists: fs.existsSync(r.path),
  }));
}

export function rememberRecent(file: string): void {
  const rest = readJson<StoredRecent[]>(FILE, []).filter((r) => r.path !== file);
  writeJson(FILE, [{ path: file, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT));
}

export function lastProject(): string | undefined {
  return listRecent().find((r) => r.exists)?.path;
}
