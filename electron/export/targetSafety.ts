import fs from 'node:fs';
import path from 'node:path';
import { PassageError } from '../../shared/api/result';
import { defaultKeyPath } from '../sample/identityKey';
import { alreadyExists } from './atomicWrite';

/*
 * An export writes a file the user named in free text, so it must never land on the research data:
 * the open project and its SQLite companions, backups, identity keys. Paths are compared after
 * following symlinks (and by inode where both exist, so hard links and "./x/../s.passage" are caught
 * too), and an existing file is refused by what it holds whatever its name — no `overwrite` changes that.
 */

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const IDENTITY_MAGIC = Buffer.from('PSGIDKEY', 'latin1');
const WAL_MAGICS = [0x377f0682, 0x377f0683];
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

/** The file's own location: symlinks followed; for a file not yet there, its folder's. */
function realLocation(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  if (realLocation(a) === realLocation(b)) return true;
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = fs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

function head(file: string, bytes: number): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** What an existing file is, if it is something an export must never replace. */
function protectedContent(file: string): string | null {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return null;
  const bytes = head(file, 16);
  if (bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return 'a database (a Passage project or a backup of one)';
  if (bytes.subarray(0, 8).equals(IDENTITY_MAGIC)) return 'an identity key';
  if (bytes.length >= 4 && WAL_MAGICS.includes(bytes.readUInt32BE(0))) return "a database's journal";
  const suffix = COMPANION_SUFFIXES.find((s) => file.endsWith(s));
  if (suffix && head(file.slice(0, -suffix.length), 16).equals(SQLITE_MAGIC))
    return `part of the database ${path.basename(file.slice(0, -suffix.length))}`;
  return null;
}

/** The open project's own files, each with what to call it. */
function projectFiles(projectPath: string, identityKey: string | null): [string, string][] {
  const files: [string, string][] = [
    [projectPath, 'the open project'],
    ...COMPANION_SUFFIXES.map((s): [string, string] => [`${projectPath}${s}`, 'part of the open project']),
    [defaultKeyPath(projectPath), "the project's identity key"],
  ];
  if (identityKey) files.push([identityKey, "the project's identity key"]);
  return files;
}

function refuse(target: string, what: string): PassageError {
  return new PassageError(
    'invalid_argument',
    `export: ${path.basename(target)} is ${what} — an export never replaces it; choose another name`,
  );
}

/**
 * Throws unless writing `target` can harm nothing but a file the user may replace. For every writer
 * of user-named files (the appendix export, project exchange files); `identityKey` is the unlocked
 * key's file, if it lives elsewhere than beside the project.
 */
export function assertSafeTarget(target: string, projectPath: string, identityKey: string | null): void {
  for (const [file, what] of projectFiles(projectPath, identityKey))
    if (sameFile(target, file)) throw refuse(target, what);
  const content = protectedContent(target);
  if (content) throw refuse(target, content);
}

export interface ExportTarget {
  /** Relative to `baseFolder`. */
  file: string;
  /** The extensions the format allows, the usual one first (".docx"), and the format's name ("Word"). */
  extensions: readonly string[];
  formatName: string;
  overwrite: boolean;
  baseFolder: string;
  /** How this caller confirms a replacement, for the message ("pass --force to replace it"). */
  howToReplace: string;
}

/** The absolute target, once it is safe, carries the format's extension and is free or may be replaced. */
export function resolveExportTarget(
  projectPath: string,
  identityKey: string | null,
  t: ExportTarget,
): string {
  const target = path.resolve(t.baseFolder, t.file);
  assertSafeTarget(target, projectPath, identityKey);
  const name = path.basename(target);
  if (!t.extensions.some((ext) => name.length > ext.length && name.toLowerCase().endsWith(ext)))
    throw new PassageError(
      'invalid_argument',
      `export: ${name} does not end in ${t.extensions[0]} — a ${t.formatName} export must be named *${t.extensions[0]}`,
    );
  // lstat: a dangling symlink is a name that exists too.
  if (!t.overwrite && fs.lstatSync(target, { throwIfNoEntry: false }))
    throw alreadyExists(target, t.howToReplace);
  return target;
}
