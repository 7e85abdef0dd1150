import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassageError } from '../../shared/api/result';
import type { Identity } from '../../shared/api/sample';

/*
 * The identity key: real names and contacts of participants, kept apart from the project file (which
 * is shared and archived) in a file encrypted with AES-256-GCM under a key derived from a passphrase
 * by scrypt. Layout (all of the header is authenticated as GCM additional data):
 *
 *   0  magic "PSGIDKEY"      8  version (1)   9  scrypt log2 N   10  r   11  p
 *   12 salt (16)             28 IV (12)       40 passphrase check (16)   56 GCM tag (16)   72 ciphertext
 *
 * The passphrase check (an HMAC under a second scrypt-derived key) tells a wrong passphrase apart from
 * a damaged file: with the right passphrase the check matches, so a failing tag means tampering.
 *
 * The plaintext is JSON: { version: 2, projectGuid, entries: { participantGuid: entry }, privacy }.
 * Version 1 keyed entries by the participant's integer id, which a deleted participant handed on to
 * the next one (their real name then showed on someone else); unlocking a version 1 key rewrites it
 * keyed by GUID and bound to the project it was unlocked with.
 */
const MAGIC = Buffer.from('PSGIDKEY', 'latin1');
const VERSION = 1;
const HEADER = 56;
const TAG = 16;
// The only scrypt settings Passage has ever written. Anything else in a header was not written by us:
// it is reported as damage before deriving, so a doctored file can neither ask for gigabytes of
// memory and minutes of work nor pass itself off as a wrong passphrase. A future stronger setting is
// added here, never replaced.
const KNOWN_PARAMS = [{ logN: 15, r: 8, p: 1 }];
const WRITE_PARAMS = KNOWN_PARAMS[0]!;
// 128·N·r bytes is what scrypt needs; a little above it for its bookkeeping.
const maxmemFor = (logN: number, r: number): number => 129 * 2 ** logN * r;
export const DAMAGED = 'identity key is damaged or was tampered with';

/** What the key holds for one participant: the Sample view's identity plus other names they go by. */
export interface KeyEntry extends Identity {
  aliases: string[];
}

/** The project the key is used with: its GUID, and its participants' GUIDs by id. */
export interface KeyProject {
  guid(): string;
  participantGuid(participantId: number): string | undefined;
}

interface KeyFile {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
}

interface Unlocked extends KeyFile {
  file: string;
  encKey: Buffer;
  checkKey: Buffer;
  projectGuid: string;
  entries: Map<string, KeyEntry>;
  /** Owned by electron/privacy (the anonymisation table and term list); opaque here. */
  privacy: unknown;
}

function scrypt(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(
      passphrase.normalize('NFC'),
      salt,
      64,
      { N: 2 ** logN, r, p, maxmem: maxmemFor(logN, r) },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

async function deriveKeys(passphrase: string, params: KeyFile) {
  const key = await scrypt(passphrase, params.salt, params.logN, params.r, params.p);
  return { encKey: key.subarray(0, 32), checkKey: key.subarray(32) };
}

const freshParams = (): KeyFile => ({ ...WRITE_PARAMS, salt: crypto.randomBytes(16) });

function headerPrefix(params: KeyFile, iv: Buffer): Buffer {
  return Buffer.concat([MAGIC, Buffer.from([VERSION, params.logN, params.r, params.p]), params.salt, iv]);
}

/**
 * Covers only what the key derivation reads (magic, version, parameters, salt): a damaged IV, tag or
 * ciphertext must then be reported as damage, not as a wrong passphrase; GCM authenticates those.
 */
function check(checkKey: Buffer, prefix: Buffer): Buffer {
  return crypto.createHmac('sha256', checkKey).update(prefix.subarray(0, 28)).digest().subarray(0, 16);
}

function encode(state: Unlocked): Buffer {
  const iv = crypto.randomBytes(12);
  const prefix = headerPrefix(state, iv);
  const header = Buffer.concat([prefix, check(state.checkKey, prefix)]);
  const cipher = crypto.createCipheriv('aes-256-gcm', state.encKey, iv);
  cipher.setAAD(header);
  const plain = Buffer.from(
    JSON.stringify({
      version: 2,
      projectGuid: state.projectGuid,
      entries: Object.fromEntries(state.entries),
      privacy: state.privacy ?? null,
    }),
    'utf8',
  );
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, cipher.getAuthTag(), body]);
}

/** Temp file + fsync + rename: a crash leaves the old key or the new one, never half of one. */
function writeAtomically(file: string, bytes: Buffer): void {
  try {
    writeTempAndRename(file, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? `the folder ${path.dirname(file)} does not exist`
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? `permission denied in ${path.dirname(file)}`
          : code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
            ? 'the disk is full'
            : (error as Error).message;
    throw new PassageError('io', `identity key: cannot write ${path.basename(file)}: ${reason}`);
  }
}

function writeTempAndRename(file: string, bytes: Buffer): void {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`,
  );
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    try {
      // Whatever the umask: the key is for its owner's eyes only.
      fs.fchmodSync(fd, 0o600);
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    // A full disk fails the write after the open succeeded: no empty temp file is left behind.
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function parseHeader(bytes: Buffer) {
  if (bytes.length < HEADER + TAG || !bytes.subarray(0, 8).equals(MAGIC))
    throw new PassageError('invalid_argument', DAMAGED);
  const version = bytes[8]!;
  if (version !== VERSION)
    throw new PassageError('unsupported', `identity key: version ${version} is not supported`);
  const [logN, r, p] = [bytes[9]!, bytes[10]!, bytes[11]!];
  if (!KNOWN_PARAMS.some((k) => k.logN === logN && k.r === r && k.p === p))
    throw new PassageError('invalid_argument', DAMAGED);
  return {
    params: { logN, r, p, salt: Buffer.from(bytes.subarray(12, 28)) },
    iv: bytes.subarray(28, 40),
    prefix: bytes.subarray(0, 40),
    storedCheck: bytes.subarray(40, HEADER),
    header: bytes.subarray(0, HEADER),
    tag: bytes.subarray(HEADER, HEADER + TAG),
    body: bytes.subarray(HEADER + TAG),
  };
}

function entryOf(value: Partial<KeyEntry> | undefined): KeyEntry {
  return {
    name: String(value?.name ?? ''),
    contact: String(value?.contact ?? ''),
    notes: String(value?.notes ?? ''),
    aliases: Array.isArray(value?.aliases) ? value.aliases.map(String) : [],
  };
}

interface Payload {
  /** Null in a version 1 key, which was not bound to a project. */
  projectGuid: string | null;
  entries: Map<string, KeyEntry>;
  privacy: unknown;
  /** True when the entries were keyed by integer id and must be written back keyed by GUID. */
  migrated: boolean;
}

function parsePayload(plain: Buffer, project: KeyProject): Payload {
  let parsed: {
    version?: number;
    projectGuid?: string;
    entries?: Record<string, Partial<KeyEntry>>;
    privacy?: unknown;
  };
  try {
    parsed = JSON.parse(plain.toString('utf8')) as typeof parsed;
  } catch {
    throw new PassageError('invalid_argument', DAMAGED);
  }
  const entries = new Map<string, KeyEntry>();
  const migrated = (parsed.version ?? 1) < 2;
  for (const [key, value] of Object.entries(parsed.entries ?? {})) {
    // A version 1 entry whose participant is gone keeps its real name (the privacy scan still looks
    // for it) under a key no participant can ever have.
    const guid = migrated ? (project.participantGuid(Number(key)) ?? `deleted-participant-${key}`) : key;
    entries.set(guid, entryOf(value));
  }
  return {
    projectGuid: typeof parsed.projectGuid === 'string' ? parsed.projectGuid : null,
    entries,
    privacy: parsed.privacy ?? null,
    migrated,
  };
}

async function readKeyFile(
  file: string,
  passphrase: string,
  project: KeyProject,
): Promise<Unlocked & { migrated: boolean }> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new PassageError('not_found', `identity key: ${path.basename(file)} does not exist`);
  }
  const parsed = parseHeader(bytes);
  const keys = await deriveKeys(passphrase, parsed.params);
  if (!crypto.timingSafeEqual(check(keys.checkKey, parsed.prefix), parsed.storedCheck))
    throw new PassageError('invalid_argument', `identity key: wrong passphrase for ${path.basename(file)}`);
  let plain: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encKey, parsed.iv);
    decipher.setAAD(parsed.header);
    decipher.setAuthTag(parsed.tag);
    plain = Buffer.concat([decipher.update(parsed.body), decipher.final()]);
  } catch {
    throw new PassageError('invalid_argument', DAMAGED);
  }
  const payload = parsePayload(plain, project);
  const projectGuid = project.guid();
  if (payload.projectGuid !== null && payload.projectGuid !== projectGuid)
    throw new PassageError(
      'conflict',
      `identity key: ${path.basename(file)} belongs to another project (${payload.projectGuid}), not to this one (${projectGuid}) — open the project it was made for, or create a new key for this project`,
    );
  return {
    ...parsed.params,
    ...keys,
    file,
    projectGuid,
    entries: payload.entries,
    privacy: payload.privacy,
    migrated: payload.migrated || payload.projectGuid === null,
  };
}

/** The key held in memory for one backend, while unlocked. Nothing here is ever logged or stored elsewhere. */
export class IdentityKeyHolder {
  private unlocked: Unlocked | null = null;

  constructor(private readonly project: KeyProject) {}

  get isUnlocked(): boolean {
    return this.unlocked !== null;
  }
  get file(): string | null {
    return this.unlocked?.file ?? null;
  }
  get size(): number {
    return this.unlocked?.entries.size ?? 0;
  }

  async create(file: string, passphrase: string): Promise<void> {
    if (fs.existsSync(file))
      throw new PassageError('conflict', `identity key: ${path.basename(file)} already exists — unlock it`);
    const params = freshParams();
    const state: Unlocked = {
      ...params,
      ...(await deriveKeys(passphrase, params)),
      file,
      projectGuid: this.project.guid(),
      entries: new Map(),
      privacy: null,
    };
    writeAtomically(file, encode(state));
    this.unlocked = state;
  }

  async unlock(file: string, passphrase: string): Promise<void> {
    const { migrated, ...state } = await readKeyFile(file, passphrase, this.project);
    if (migrated) writeAtomically(file, encode(state));
    this.unlocked = state;
  }

  lock(): void {
    this.unlocked = null;
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const state = this.require();
    // Re-reading with the current passphrase proves it and picks up the file as it is on disk.
    const fresh = await readKeyFile(state.file, current, this.project);
    const params = freshParams();
    const replaced: Unlocked = {
      ...params,
      ...(await deriveKeys(next, params)),
      file: state.file,
      projectGuid: fresh.projectGuid,
      entries: fresh.entries,
      privacy: fresh.privacy,
    };
    writeAtomically(state.file, encode(replaced));
    this.unlocked = replaced;
  }

  get(participantId: number): Identity | undefined {
    const guid = this.project.participantGuid(participantId);
    const entry = guid === undefined ? undefined : this.unlocked?.entries.get(guid);
    return entry && { name: entry.name, contact: entry.contact, notes: entry.notes };
  }

  /** Sets what the Sample view edits; the aliases stay unless given. */
  set(participantId: number, identity: Identity & { aliases?: string[] }): void {
    const state = this.require();
    const guid = this.project.participantGuid(participantId);
    if (guid === undefined)
      throw new PassageError('not_found', `identity key: no participant with id ${participantId}`);
    const entries = new Map(state.entries);
    const entry: KeyEntry = {
      ...identity,
      aliases: identity.aliases ?? state.entries.get(guid)?.aliases ?? [],
    };
    if (entry.name === '' && entry.contact === '' && entry.notes === '' && entry.aliases.length === 0)
      entries.delete(guid);
    else entries.set(guid, entry);
    writeAtomically(state.file, encode({ ...state, entries }));
    state.entries = entries;
  }

  /** Every entry by participant GUID, deleted participants' included (the privacy scan wants them all). */
  allEntries(): ReadonlyMap<string, KeyEntry> {
    return this.require().entries;
  }

  get privacy(): unknown {
    return this.require().privacy;
  }

  setPrivacy(privacy: unknown): void {
    const state = this.require();
    writeAtomically(state.file, encode({ ...state, privacy }));
    state.privacy = privacy;
  }

  private require(): Unlocked {
    if (!this.unlocked)
      throw new PassageError('conflict', 'identity key: the key is locked — unlock it first');
    return this.unlocked;
  }
}

/** `study.passage` → `study.identity`, beside the project and never inside it. */
export function defaultKeyPath(projectPath: string): string {
  return projectPath.replace(/\.passage$/i, '') + '.identity';
}
