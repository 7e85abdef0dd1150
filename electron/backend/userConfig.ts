import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Per-user settings (recent projects, last coder) live outside any project, in PASSAGE_HOME or ~/.config/passage. */
export function configDir(): string {
  const dir =
    process.env.PASSAGE_HOME ??
    path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'passage');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(fs.readFileSync(path.join(configDir(), file), 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/** Temp file + rename: a crash mid-write never leaves a truncated settings file. */
export function writeJson(file: string, value: unknown): void {
  const target = path.join(configDir(), file);
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(value, null, 2));
  fs.renameSync(temp, target);
}
