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
 */
const MAGIC = Buffer.from('PSGIDKEY', 'latin1');
const VERSION = 1;
const HEADER = 56;
const TAG = 16;
const LOG_N = 15;
const R = 8;
const P = 1;
export const DAMAGED = 'identity key is damaged or was tampered with';

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
  entries: Map<number, Identity>;
}

function scrypt(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(
      passphrase.normalize('NFC'),
      salt,
      64,
      { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

async function deriveKeys(passphrase: string, params: KeyFile) {
  const key = await scrypt(passphrase, params.salt, params.logN, params.r, params.p);
  return { encKey: key.subarray(0, 32), checkKey: key.subarray(32) };
}

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
    JSON.stringify({ version: 1, entries: Object.fromEntries(state.entries) }),
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
          : code === 'ENOSPC'
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
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function parseHeader(bytes: Buffer, call: string) {
  if (bytes.length < HEADER + TAG || !bytes.subarray(0, 8).equals(MAGIC))
    throw new PassageError('invalid_argument', `${call}: ${DAMAGED}`);
  const version = bytes[8]!;
  if (version !== VERSION)
    throw new PassageError('unsupported', `${call}: identity key version ${version} is not supported`);
  const [logN, r, p] = [bytes[9]!, bytes[10]!, bytes[11]!];
  // Bounds stop a doctored header from asking scrypt for gigabytes.
  if (logN < 10 || logN > 20 || r < 1 || r > 16 || p < 1 || p > 4)
    throw new PassageError('invalid_argument', `${call}: ${DAMAGED}`);
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

function parseEntries(plain: Buffer, call: string): Map<number, Identity> {
  try {
    const parsed = JSON.parse(plain.toString('utf8')) as { entries?: Record<string, Identity> };
    const entries = new Map<number, Identity>();
    for (const [id, value] of Object.entries(parsed.entries ?? {})) {
      entries.set(Number(id), {
        name: String(value.name ?? ''),
        contact: String(value.contact ?? ''),
        notes: String(value.notes ?? ''),
      });
    }
    return entries;
  } catch {
    throw new PassageError('invalid_argument', `${call}: ${DAMAGED}`);
  }
}

async function readKeyFile(file: string, passphrase: string, call: string): Promise<Unlocked> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new PassageError('not_found', `${call}: identity key ${path.basename(file)} does not exist`);
  }
  const parsed = parseHeader(bytes, call);
  const keys = await deriveKeys(passphrase, parsed.params);
  if (!crypto.timingSafeEqual(check(keys.checkKey, parsed.prefix), parsed.storedCheck))
    throw new PassageError('invalid_argument', `${call}: wrong passphrase for ${path.basename(file)}`);
  let plain: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encKey, parsed.iv);
    decipher.setAAD(parsed.header);
    decipher.setAuthTag(parsed.tag);
    plain = Buffer.concat([decipher.update(parsed.body), decipher.final()]);
  } catch {
    throw new PassageError('invalid_argument', `${call}: ${DAMAGED}`);
  }
  return { ...parsed.params, ...keys, file, entries: parseEntries(plain, call) };
}

/** The key held in memory for one backend, while unlocked. Nothing here is ever logged or stored elsewhere. */
export class IdentityKeyHolder {
  private unlocked: Unlocked | null = null;

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
      throw new PassageError(
        'conflict',
        `sample.identity.create: ${path.basename(file)} already exists — unlock it`,
      );
    const params: KeyFile = { logN: LOG_N, r: R, p: P, salt: crypto.randomBytes(16) };
    const state: Unlocked = {
      ...params,
      ...(await deriveKeys(passphrase, params)),
      file,
      entries: new Map(),
    };
    writeAtomically(file, encode(state));
    this.unlocked = state;
  }

  async unlock(file: string, passphrase: string): Promise<void> {
    this.unlocked = await readKeyFile(file, passphrase, 'sample.identity.unlock');
  }

  lock(): void {
    this.unlocked = null;
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const state = this.require('sample.identity.changePassphrase');
    // Re-reading with the current passphrase proves it and picks up the file as it is on disk.
    const fresh = await readKeyFile(state.file, current, 'sample.identity.changePassphrase');
    const params: KeyFile = { logN: LOG_N, r: R, p: P, salt: crypto.randomBytes(16) };
    const replaced: Unlocked = {
      ...params,
      ...(await deriveKeys(next, params)),
      file: state.file,
      entries: fresh.entries,
    };
    writeAtomically(state.file, encode(replaced));
    this.unlocked = replaced;
  }

  get(participantId: number): Identity | undefined {
    return this.unlocked?.entries.get(participantId);
  }

  set(participantId: number, identity: Identity): void {
    const state = this.require('sample.identity.set');
    const entries = new Map(state.entries);
    if (identity.name === '' && identity.contact === '' && identity.notes === '')
      entries.delete(participantId);
    else entries.set(participantId, identity);
    writeAtomically(state.file, encode({ ...state, entries }));
    state.entries = entries;
  }

  private require(call: string): Unlocked {
    if (!this.unlocked)
      throw new PassageError('conflict', `${call}: the identity key is locked — unlock it first`);
    return this.unlocked;
  }
}

/** `study.passage` → `study.identity`, beside the project and never inside it. */
export function defaultKeyPath(projectPath: string): string {
  return projectPath.replace(/\.passage$/i, '') + '.identity';
}
