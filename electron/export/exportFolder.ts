import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readJson, writeJson } from '../backend/userConfig';

// Where a relative export target from the UI or API lands. The app's working folder means nothing to a
// user (it is wherever Electron or the server was started from), so it is never used.
const FILE = 'export.json';

interface ExportSettings {
  lastFolder?: string;
}

const isFolder = (dir: string) => fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** ~/Documents where it exists (Windows, macOS, most Linux desktops), else the home folder. */
export function documentsFolder(): string {
  const documents = path.join(os.homedir(), 'Documents');
  return isFolder(documents) ? documents : os.homedir();
}

/** The folder of the user's last export, while it still exists; else their documents folder. */
export function exportBaseFolder(): string {
  const last = readJson<ExportSettings>(FILE, {}).lastFolder;
  return last && path.isAbsolute(last) && isFolder(last) ? last : documentsFolder();
}

export function rememberExportFolder(folder: string): void {
  writeJson(FILE, { ...readJson<ExportSettings>(FILE, {}), lastFolder: folder });
}
