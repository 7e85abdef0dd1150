import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { newProjectSession, trackSession } from '../helpers/session';

describe('export settings are kept in the project', () => {
  it('are null in a new project, and come back the same after the file is reopened', async () => {
    const { session, file } = await newProjectSession();
    expect(await invoke(session, 'export.getSettings', {})).toBeNull();

    await invoke(session, 'export.saveSettings', {
      options: {
        title: 'Appendix 2: interview evidence',
        methodNote: 'Verbatim quotes.',
        sections: ['codebook', 'evidence'],
        codeIds: [3, 1],
        includeMemos: true,
        filters: { kind: 'interview', yearFrom: 2015 },
      },
    });
    session.close();

    const reopened = trackSession(new Session('cli', { coder: 'other' }));
    await invoke(reopened, 'project.open', { path: file });
    expect(await invoke(reopened, 'export.getSettings', {})).toEqual({
      title: 'Appendix 2: interview evidence',
      methodNote: 'Verbatim quotes.',
      sections: ['codebook', 'evidence'],
      codeGroupIds: [],
      codeIds: [3, 1],
      includeMemos: true,
      filters: { kind: 'interview', yearFrom: 2015 },
      cooccurrenceUnit: 'documents',
      matrixBy: 'groups',
      timelineUnit: 'segments',
    });
  });

  it('refuses invalid options naming the field, and keeps what was saved before', async () => {
    const { session } = await newProjectSession();
    await invoke(session, 'export.saveSettings', { options: { title: 'Kept' } });

    const duplicate = await dispatch(session, 'export.saveSettings', {
      options: { sections: ['evidence', 'evidence'] },
    });
    expect(duplicate).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringMatching(/^options\.sections: .*twice/) },
    });
    const emptyTitle = await dispatch(session, 'export.saveSettings', { options: { title: '  ' } });
    expect(emptyTitle.ok || emptyTitle.error.message).toMatch(/^options\.title: .*empty/);

    expect((await invoke(session, 'export.getSettings', {}))?.title).toBe('Kept');
  });

  it('starts from the defaults when the saved options no longer validate (an older or damaged value)', async () => {
    const { session } = await newProjectSession();
    const db = session.requireProject().db;
    const store = db.prepare(
      "INSERT OR REPLACE INTO project_settings (key, value) VALUES ('export_options', ?)",
    );
    store.run(JSON.stringify({ title: 'Old', sections: ['a part that is gone'] }));
    expect(await invoke(session, 'export.getSettings', {})).toBeNull();
    store.run('{not json');
    expect(await invoke(session, 'export.getSettings', {})).toBeNull();
  });
});
