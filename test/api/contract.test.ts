import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import { Session } from '../../electron/backend/session';
import { argSchemas, callNames } from '../../shared/api/contract';
import { newProjectSession } from '../helpers/session';

describe('API contract', () => {
  it('has exactly one handler per call', () => {
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
  });

  it.each(callNames)(
    '%s rejects malformed arguments with ok:false and a message without the call name',
    async (name) => {
      const { session } = await newProjectSession();
      for (const bad of [42, 'text', [1, 2], { __unexpected: true }]) {
        const result = await dispatch(session, name, bad);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_argument');
          expect(result.error.message).not.toContain(name);
        }
      }
    },
  );

  it('refuses unknown calls, including prototype names', async () => {
    const session = new Session('cli');
    for (const name of ['project.delete', '__proto__', 'constructor', 'toString', '']) {
      const result = await dispatch(session, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('names the offending field in the message', async () => {
    const session = new Session('cli');
    const result = await dispatch(session, 'project.open', { path: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'path: path is empty' },
    });
    const nul = await dispatch(session, 'project.create', { path: 'a\0b' });
    expect(nul.ok).toBe(false);
  });

  it('every argument schema is a strict object', () => {
    for (const name of callNames) {
      expect(argSchemas[name].safeParse({ surprise: 1 }).success, name).toBe(false);
    }
  });

  it('calls that need a project say so when none is open', async () => {
    const session = new Session('cli');
    const info = await dispatch(session, 'project.info', {});
    expect(info).toEqual({ ok: true, value: null });
  });
});
