import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';

const PASS = 'correct horse battery';
const NAME = 'Gwendolyn Oyelaran-Castellanos';
const CONTACT = 'gwen.oc@mission.example.org';

function bytesContain(file: string, needle: string): boolean {
  if (!fs.existsSync(file)) return false;
  const bytes = fs.readFileSync(file);
  // Both encodings SQLite could use for text, so a copy in any form is caught.
  return bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'));
}

describe('identity key', () => {
  it('keeps names in a separate encrypted file, never in the project file or its WAL', async () => {
    const { session, file, dir } = await newProjectSession();
    const { id } = await invoke(session, 'sample.create', { label: 'P01' });
    const status = await invoke(session, 'sample.identity.create', { passphrase: PASS });
    expect(status).toEqual({
      path: path.join(dir, 'study.identity'),
      exists: true,
      unlocked: true,
      entries: 0,
    });
    await invoke(session, 'sample.identity.set', {
      participantId: id,
      name: NAME,
      contact: CONTACT,
      notes: 'met in Brussels',
    });

    // Unlocked: the views get the identity.
    const rows = await invoke(session, 'sample.list', {});
    expect(rows[0]!.identity).toEqual({ name: NAME, contact: CONTACT, notes: 'met in Brussels' });
    // More work on the project while unlocked, so any leak would have had the chance to land in it.
    await invoke(session, 'sample.update', { id, notes: 'second interview planned' });
    await invoke(session, 'sample.setStatus', { id, status: 'contacted', note: 'wrote' });
    await invoke(session, 'sample.get', { id });
    await invoke(session, 'sample.appendix', {});

    expect(bytesContain(status.path, NAME)).toBe(false); // encrypted
    expect(bytesContain(status.path, CONTACT)).toBe(false);
    const projectFiles = fs.readdirSync(dir).filter((f) => f.startsWith('study.passage'));
    expect(projectFiles).toContain('study.passage-wal');
    for (const f of projectFiles) {
      expect(bytesContain(path.join(dir, f), NAME), f).toBe(false);
      expect(bytesContain(path.join(dir, f), CONTACT), f).toBe(false);
    }
    // The scan can fail: the label written to the project is found the same way.
    expect(projectFiles.some((f) => bytesContain(path.join(dir, f), 'second interview planned'))).toBe(true);

    // Locked: pseudonyms only.
    await invoke(session, 'sample.identity.lock', {});
    expect((await invoke(session, 'sample.list', {}))[0]!.identity).toBeUndefined();
    session.close();
    expect(bytesContain(file, NAME)).toBe(false);

    // A new session unlocks the same key and sees the entry again.
    await invoke(session, 'project.open', { path: file });
    expect((await invoke(session, 'sample.identity.status', {})).unlocked).toBe(false);
    await invoke(session, 'sample.identity.unlock', { passphrase: PASS });
    expect((await invoke(session, 'sample.get', { id })).identity?.name).toBe(NAME);
  });

  it('refuses a wrong passphrase with a clear error and stays locked', async () => {
    const { session } = await newProjectSession();
    await invoke(session, 'sample.identity.create', { passphrase: PASS });
    await invoke(session, 'sample.identity.lock', {});
    await expect(
      invoke(session, 'sample.identity.unlock', { passphrase: 'not the passphrase' }),
    ).rejects.toThrow('identity key: wrong passphrase for study.identity');
    expect((await invoke(session, 'sample.identity.status', {})).unlocked).toBe(false);
    await expect(
      invoke(session, 'sample.identity.set', { participantId: 1, name: 'x', contact: '', notes: '' }),
    ).rejects.toThrow();
  });

  it('detects tampering: any flipped byte of the ciphertext, tag or IV', async () => {
    const { session } = await newProjectSession();
    const { id } = await invoke(session, 'sample.create', { label: 'P01' });
    const { path: keyFile } = await invoke(session, 'sample.identity.create', { passphrase: PASS });
    await invoke(session, 'sample.identity.set', {
      participantId: id,
      name: NAME,
      contact: CONTACT,
      notes: '',
    });
    await invoke(session, 'sample.identity.lock', {});
    const original = fs.readFileSync(keyFile);
    for (const at of [original.length - 1, 60, 30]) {
      const damaged = Buffer.from(original);
      damaged[at] = damaged[at]! ^ 0x01;
      fs.writeFileSync(keyFile, damaged);
      await expect(
        invoke(session, 'sample.identity.unlock', { passphrase: PASS }),
        `byte ${at}`,
      ).rejects.toThrow('identity key is damaged or was tampered with');
    }
    fs.writeFileSync(keyFile, original.subarray(0, 40));
    await expect(invoke(session, 'sample.identity.unlock', { passphrase: PASS })).rejects.toThrow('damaged');
    fs.writeFileSync(keyFile, original);
    await invoke(session, 'sample.identity.unlock', { passphrase: PASS });
  });

  it('changes the passphrase atomically: the old one stops working, the entries stay', async () => {
    const { session, dir } = await newProjectSession();
    const { id } = await invoke(session, 'sample.create', { label: 'P01' });
    await invoke(session, 'sample.identity.create', { passphrase: PASS });
    await invoke(session, 'sample.identity.set', { participantId: id, name: NAME, contact: '', notes: '' });
    await expect(
      invoke(session, 'sample.identity.changePassphrase', { current: 'wrong one', next: 'a new passphrase' }),
    ).rejects.toThrow('wrong passphrase');
    await invoke(session, 'sample.identity.changePassphrase', { current: PASS, next: 'a new passphrase' });
    await invoke(session, 'sample.identity.lock', {});
    await expect(invoke(session, 'sample.identity.unlock', { passphrase: PASS })).rejects.toThrow(
      'wrong passphrase',
    );
    const status = await invoke(session, 'sample.identity.unlock', { passphrase: 'a new passphrase' });
    expect(status.entries).toBe(1);
    // No temp files left beside the key.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expect(invoke(session, 'sample.identity.create', { passphrase: PASS })).rejects.toThrow(
      'already exists',
    );
  });

  it('refuses to put the key in the project file', async () => {
    const { session, file } = await newProjectSession();
    await expect(invoke(session, 'sample.identity.create', { passphrase: PASS, path: file })).rejects.toThrow(
      'cannot be the project file',
    );
  });
});
