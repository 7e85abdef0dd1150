import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { FIRST_CODER, SECOND_CODER } from '../../electron/demo/coding';
import type { ProjectInfo } from '../../shared/api/project';
import { ALL_SECTIONS, exportTo } from '../export/helpers/project';
import { unzipText } from '../export/helpers/reader';
import { runPassage } from '../helpers/cli';
import { newProjectSession, trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const realHome = process.env.HOME;
const realRoot = process.env.PASSAGE_ROOT;
afterEach(() => {
  process.env.HOME = realHome;
  if (realRoot === undefined) delete process.env.PASSAGE_ROOT;
  else process.env.PASSAGE_ROOT = realRoot;
});

const hashOf = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('project.createDemo', () => {
  it('writes the study to the next free name in ~/Documents and opens it, never replacing a file', async () => {
    const { session, file: before } = await newProjectSession();
    const home = tempDir('passage-home-');
    process.env.HOME = home;
    const first = await invoke(session, 'project.createDemo', {});
    const documents = path.join(home, 'Documents');
    expect(first.path).toBe(path.join(documents, 'Passage example study.passage'));
    expect(session.requireProject().path).toBe(first.path);
    expect(session.requireProject().path).not.toBe(before);
    expect(first.counts.documents).toBe(18);
    await invoke(session, 'project.close', {});
    const firstHash = hashOf(first.path);

    const second = await invoke(session, 'project.createDemo', {});
    expect(second.path).toBe(path.join(documents, 'Passage example study 2.passage'));
    await invoke(session, 'project.close', {});
    expect(hashOf(first.path)).toBe(firstHash);
  }, 120_000);

  it('refuses an existing file or a missing folder, leaving the open project and the file as they were', async () => {
    const { session, file, dir } = await newProjectSession();
    await invoke(session, 'codes.create', { name: 'Mine' });
    const existing = path.join(dir, 'taken.passage');
    fs.writeFileSync(existing, 'not a project');
    const taken = await dispatch(session, 'project.createDemo', { path: existing });
    expect(taken).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'taken.passage already exists — the example study is only ever written to a new file',
      },
    });
    expect(fs.readFileSync(existing, 'utf8')).toBe('not a project');

    const missing = await dispatch(session, 'project.createDemo', {
      path: path.join(dir, 'nowhere', 'x.passage'),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);

    expect(session.requireProject().path).toBe(file);
    expect((await invoke(session, 'codes.list', {})).map((c) => c.name)).toEqual(['Mine']);
  });

  it('leaves no file behind when the build fails half-way', async () => {
    const { session, dir } = await newProjectSession();
    // An app folder with the migrations but without the codebook template: the file is made, then the
    // template cannot be loaded.
    const root = tempDir('passage-root-');
    fs.symlinkSync(path.resolve(import.meta.dirname, '../../migrations'), path.join(root, 'migrations'));
    process.env.PASSAGE_ROOT = root;
    const target = path.join(dir, 'half.passage');
    const result = await dispatch(session, 'project.createDemo', { path: target });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('half'))).toEqual([]);
  });

  it('gives a study whose Word appendix exports with its quotes, sample and tables', async () => {
    const { session, dir } = await newProjectSession();
    const info = await invoke(session, 'project.createDemo', { path: path.join(dir, 'example.passage') });
    const target = path.join(dir, 'appendix.docx');
    const groups = await invoke(session, 'codeGroups.list', {});
    await exportTo(
      session,
      { sections: [...ALL_SECTIONS], codeGroupIds: groups.map((g) => g.id), includeMemos: true },
      'docx',
      target,
    );
    const xml = (await unzipText(target)).get('word/document.xml')!;
    expect(xml).toContain('Public legitimacy');
    expect(xml).toContain('Our neutrality is our security.');
    // Appendix 1 lists the interviews by participant label.
    expect(xml).toContain('P06');
    expect(info.counts.participants).toBe(12);
  }, 120_000);
});

describe('who codes in the example study', () => {
  it('is Researcher A for a user who has not chosen a coder, so no third coder appears', async () => {
    const dir = tempDir();
    process.env.PASSAGE_HOME = path.join(dir, 'home');
    // As the app and browser mode start: no coder given, so the login name until a project says otherwise.
    const session = trackSession(new Session('http'));
    await invoke(session, 'project.createDemo', { path: path.join(dir, 'example.passage') });
    expect(session.coder).toBe(FIRST_CODER);
    const p02 = (await invoke(session, 'documents.list', { titleContains: 'Interview P02' }))[0]!;
    const code = (await invoke(session, 'codes.list', {})).find((c) => c.name === 'Pull factors')!;
    const mine = await invoke(session, 'segments.apply', {
      documentId: p02.id,
      codeId: code.id,
      startUtf16: 0,
      endUtf16: 20,
    });
    expect(mine.coder).toBe(FIRST_CODER);
    const coders = await invoke(session, 'coders.list', {});
    expect(coders.map((c) => [c.name, c.current])).toEqual([
      [FIRST_CODER, true],
      [SECOND_CODER, false],
    ]);

    // Reopened later (a new start of the app), it is still A; a coder given by the user still wins.
    await invoke(session, 'project.close', {});
    const again = trackSession(new Session('electron'));
    await invoke(again, 'project.open', { path: path.join(dir, 'example.passage') });
    expect(again.coder).toBe(FIRST_CODER);
    const chosen = trackSession(new Session('cli', { coder: 'Dana' }));
    await invoke(chosen, 'project.open', { path: path.join(dir, 'example.passage') });
    expect(chosen.coder).toBe('Dana');
  }, 120_000);
});

describe('passage demo', () => {
  it('writes the study to a new file and refuses an existing one, leaving it untouched', () => {
    const dir = tempDir();
    const env = { PASSAGE_HOME: path.join(dir, 'home') };
    const out = path.join(dir, 'example.passage');
    const made = runPassage(['demo', out, '--json'], env);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const info = made.json<ProjectInfo>();
    expect(info.path).toBe(out);
    expect(info.counts).toMatchObject({ documents: 18, participants: 12 });
    const hash = hashOf(out);

    const again = runPassage(['demo', out], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/example\.passage already exists/);
    expect(hashOf(out)).toBe(hash);

    const missing = runPassage(['demo'], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/missing OUT\.passage/);
  }, 120_000);
});
