// Errors are shown to researchers as they are (one toast for every failure, the CLI's stderr): they
// name the thing or field in plain words, never the internal call ("codes.update: …"), and never
// quote the contents of a file the user did not mean to open.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { callNames, type CallName } from '../../shared/api/contract';
import { newProjectSession } from '../helpers/session';

/** `codes.update:`, `sample.categories.create:` — a call's name followed by a colon. */
const CALL_NAME = /\b[a-z]+(?:\.[a-zA-Z]+)+:/;
/** `documentGroups:`, `coders:` — the first part of call names, used as a prefix. */
const AREAS = new Set(callNames.map((name) => name.split('.')[0]!));
const leaksInternals = (message: string, call: string): boolean =>
  CALL_NAME.test(message) || message.includes(call) || AREAS.has(message.split(':')[0]!);

async function failure(
  session: Awaited<ReturnType<typeof newProjectSession>>['session'],
  call: CallName,
  args: unknown,
) {
  const result = await dispatch(session, call, args);
  if (result.ok) throw new Error(`${call} succeeded with ${JSON.stringify(args)}`);
  return result.error;
}

describe('error messages', () => {
  it('name the field or thing in plain words, never the call', async () => {
    const { session } = await newProjectSession();
    const legitimacy = await invoke(session, 'codes.create', { name: 'Legitimacy', shortcut: '3' });
    const access = await invoke(session, 'codes.create', { name: 'Access' });
    await invoke(session, 'codeGroups.create', { name: 'Stakeholders' });
    await invoke(session, 'documentGroups.create', { name: 'NGOs' });
    const p1 = await invoke(session, 'sample.create', { label: 'P01' });
    const p2 = await invoke(session, 'sample.create', { label: 'P02' });
    await invoke(session, 'sample.refer', { referrerId: p1.id, referredId: p2.id });

    const cases: [CallName, unknown, string, RegExp][] = [
      [
        'codes.update',
        { id: access.id, shortcut: '3' },
        'conflict',
        /^Shortcut 3 is already used by Legitimacy$/,
      ],
      ['codes.create', { name: 'legitimacy' }, 'conflict', /A code named legitimacy already exists/],
      [
        'codes.merge',
        { sourceId: legitimacy.id, targetId: 500 },
        'not_found',
        /target code 500 does not exist/,
      ],
      ['codes.delete', { id: 500 }, 'not_found', /^code 500 does not exist$/],
      ['codeGroups.create', { name: 'stakeholders' }, 'conflict', /A code group named Stakeholders/],
      ['documentGroups.create', { name: 'NGOs' }, 'conflict', /A document group named NGOs already exists/],
      ['documents.update', { id: 12, title: 'x' }, 'not_found', /^document 12 does not exist$/],
      ['memos.create', { documentId: 12, body: 'x' }, 'not_found', /^document 12 does not exist$/],
      ['sample.linkDocument', { participantId: p1.id, documentId: 12 }, 'not_found', /^document 12/],
      [
        'sample.refer',
        { referrerId: p2.id, referredId: p1.id },
        'conflict',
        /P02 → P01 would make a referral cycle/,
      ],
      ['sample.create', { label: 'P01' }, 'conflict', /P01 already exists/],
      ['attributes.delete', { id: 99 }, 'not_found', /^attribute 99 does not exist$/],
      // Validation by the contract's schemas: the field, then what is wrong with it.
      ['codes.create', { name: '' }, 'invalid_argument', /^name: /],
      ['codes.update', { id: 'x' }, 'invalid_argument', /^id: must be a number$/],
      ['codes.update', { id: -1 }, 'invalid_argument', /^id: must be more than 0$/],
      ['codes.create', {}, 'invalid_argument', /^name: is missing$/],
      ['codes.update', { id: 1.5 }, 'invalid_argument', /^id: must be a whole number$/],
      ['codeGroups.setMembers', { id: 1, codeIds: 'x' }, 'invalid_argument', /^codeIds: must be a list$/],
      ['codes.create', { name: 'x', colour: '#fff' }, 'invalid_argument', /"colour" is not a known field/],
    ];
    const leaks: string[] = [];
    for (const [call, args, code, wanted] of cases) {
      const error = await failure(session, call, args);
      expect(error.code, `${call} ${JSON.stringify(args)}`).toBe(code);
      expect(error.message, `${call} ${JSON.stringify(args)}`).toMatch(wanted);
      if (leaksInternals(error.message, call)) leaks.push(error.message);
    }
    expect(leaks).toEqual([]);
  });

  it('never quote a file that is not a CSV, whichever import reads it', async () => {
    const { session, dir } = await newProjectSession();
    const SECRET = 'Sup3rSecretHash';
    const files = {
      // A password file: colon-separated lines, no header of column names.
      shadow: `root:$y$j9T$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`,
      // Breaks the CSV parser, whose own message quotes the cell.
      'quote.csv': `label\n"P01"${SECRET}\n`,
      'binary.csv': Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from(SECRET)]),
    };
    const messages: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      for (const [call, args] of [
        ['sample.import', { path: file }],
        ['attributes.importCsv', { path: file }],
      ] as const) {
        const result = await dispatch(session, call, args);
        const text = result.ok ? JSON.stringify(result.value) : result.error.message;
        messages.push(`${call} ${name}: ${text}`);
      }
    }
    expect(messages.filter((m) => m.includes(SECRET) || m.includes('root:'))).toEqual([]);
    // Nothing was imported from them either.
    expect(await invoke(session, 'sample.list', {})).toEqual([]);
  });
});
