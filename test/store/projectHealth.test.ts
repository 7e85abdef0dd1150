import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { insertDocument } from '../../electron/store/documents';
import { newProjectSession, trackSession } from '../helpers/session';

/** A project with a document, a code and a segment, made through the API as the app does. */
async function studyWithWork() {
  const study = await newProjectSession();
  const { db } = study.session.requireProject();
  const documentId = insertDocument(db, {
    title: 'Interview 1',
    text: 'We trusted the council until the flood.',
  });
  const code = await invoke(study.session, 'codes.create', { name: 'Trust' });
  await invoke(study.session, 'segments.apply', { documentId, codeId: code.id, startUtf16: 3, endUtf16: 10 });
  return { ...study, documentId, codeId: code.id };
}

async function openElsewhere(file: string): Promise<Session> {
  const session = trackSession(new Session('cli', { coder: 'reader' }));
  await invoke(session, 'project.open', { path: file });
  return session;
}

describe('project file deleted or moved while open', () => {
  it('refuses a write after the file is deleted, keeps reads, and saves everything to a copy', async () => {
    const { session, file, dir, documentId, codeId } = await studyWithWork();
    fs.rmSync(file);

    const write = await dispatch(session, 'codes.create', { name: 'Flood' });
    expect(write).toEqual({
      ok: false,
      error: {
        code: 'project_missing',
        message: expect.stringContaining('study.passage was moved or deleted'),
      },
    });
    const segment = await dispatch(session, 'segments.apply', {
      documentId,
      codeId,
      startUtf16: 15,
      endUtf16: 22,
    });
    expect(segment.ok).toBe(false);
    expect((await invoke(session, 'codes.list', {})).map((c) => c.name)).toEqual(['Trust']);
    expect(await invoke(session, 'project.health', {})).toMatchObject({ state: 'missing' });

    const copy = path.join(dir, 'rescued.passage');
    const saved = await invoke(session, 'project.saveCopy', { path: copy, open: true });
    expect(saved.path).toBe(copy);
    expect(saved.opened?.counts).toMatchObject({ documents: 1, codes: 1, segments: 1 });
    // The session now writes to the copy, and the copy holds what the deleted file held.
    expect(await invoke(session, 'project.health', {})).toEqual({ state: 'ok' });
    await invoke(session, 'codes.create', { name: 'Flood' });

    const reopened = await openElsewhere(copy);
    expect((await invoke(reopened, 'codes.list', {})).map((c) => c.name).sort()).toEqual(['Flood', 'Trust']);
    expect(await invoke(reopened, 'segments.listByDocument', { documentId })).toHaveLength(1);
  });

  it('refuses a write after the file is renamed, so nothing goes on into a file the user moved away', async () => {
    const { session, file, dir } = await studyWithWork();
    fs.renameSync(file, path.join(dir, 'moved.passage'));
    const write = await dispatch(session, 'codes.create', { name: 'Flood' });
    expect(write.ok ? null : write.error.code).toBe('project_missing');
  });

  it('refuses a write when another file now sits at the path', async () => {
    const { session, file, dir } = await studyWithWork();
    fs.copyFileSync(file, path.join(dir, 'other.passage'));
    fs.rmSync(file);
    fs.renameSync(path.join(dir, 'other.passage'), file);
    const write = await dispatch(session, 'codes.create', { name: 'Flood' });
    expect(write.ok ? null : write.error.code).toBe('project_missing');
  });

  it('saves a copy at any time, with what is still only in the WAL, and refuses to overwrite', async () => {
    const { session, file, dir } = await studyWithWork();
    const copy = path.join(dir, 'snapshot.passage');
    const saved = await invoke(session, 'project.saveCopy', { path: copy });
    expect(saved).toEqual({ path: copy, opened: null });
    expect(session.project?.path).toBe(file);
    const reopened = await openElsewhere(copy);
    expect(await invoke(reopened, 'project.info', {})).toMatchObject({ counts: { codes: 1, segments: 1 } });

    const before = fs.readFileSync(copy);
    for (const target of [copy, file]) {
      const again = await dispatch(session, 'project.saveCopy', { path: target });
      expect(again.ok ? null : again.error).toMatchObject({ code: 'conflict' });
    }
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('notices a deletion between calls, as a job writing straight to the store would meet it', async () => {
    const { session, file } = await studyWithWork();
    const { db } = session.requireProject();
    fs.rmSync(file);
    // No API call in between: the guard's own periodic look at the file must find it gone.
    await vi.waitFor(
      () =>
        expect(() => insertDocument(db, { title: 'Interview 2', text: 'More words.' })).toThrow(
          /moved or deleted/,
        ),
      { timeout: 15_000, interval: 200 },
    );
  });
});
