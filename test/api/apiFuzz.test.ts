import crypto from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { argSchemas, callNames, type CallName } from '../../shared/api/contract';
import { newProjectSession } from '../helpers/session';

// Calls that replace the session's project are fuzzed apart, with paths that cannot exist. The example
// study, without a path, would be written to the real ~/Documents.
const LIFECYCLE: ReadonlySet<string> = new Set([
  'project.create',
  'project.open',
  'project.close',
  'project.createDemo',
]);
// Fields that name files or folders: fuzzed only with paths inside a missing folder, so a lucky
// string never makes the backend read or write real files.
const PATH_FIELD = /path|file|dir|target|out/i;

const NASTY_STRINGS = [
  '',
  ' ',
  'NGO',
  '"; DROP TABLE segments; --',
  "' OR 1=1 --",
  'NEAR(legitimacy effectiveness)',
  'title:legitim*',
  '"unbalanced',
  '((a OR b)',
  'AND OR NOT',
  '*',
  '\u0000',
  '👩🏽‍⚕️ Genève عربى',
  'x'.repeat(100_000),
  '#zzzzzz',
  '-1',
  '1e309',
];
const NASTY_NUMBERS = [
  0,
  1,
  2,
  3,
  -1,
  -(2 ** 31),
  2 ** 31,
  2 ** 53,
  1.5,
  999_999_999,
  Number.MAX_SAFE_INTEGER,
];

function nastyValue(depth = 0): fc.Arbitrary<unknown> {
  const leaves = fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(...NASTY_NUMBERS),
    fc.constantFrom(true, false, null),
    fc.string({ maxLength: 20 }),
    fc.integer(),
  );
  if (depth > 1) return leaves;
  return fc.oneof(
    { weight: 5, arbitrary: leaves },
    { weight: 1, arbitrary: fc.array(nastyValue(depth + 1), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.constantFrom('id', 'name', 'x', '__proto__'), nastyValue(depth + 1), {
        maxKeys: 3,
      }),
    },
  );
}

/** Every string inside a value, turned into a path inside the missing folder (never a relative path in the cwd). */
function confined(value: unknown, missingDir: string): unknown {
  if (typeof value === 'string') return path.join(missingDir, value.replace(/[/\\\0]/g, '_'));
  if (Array.isArray(value)) return value.map((v) => confined(v, missingDir));
  return value;
}

function argumentArbitrary(call: CallName, missingDir: string): fc.Arbitrary<unknown> {
  const schema = argSchemas[call];
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
  const fields = Object.keys(shape).map((key) => {
    const value = PATH_FIELD.test(key)
      ? fc.oneof(
          fc.string({ maxLength: 12 }).map((s) => path.join(missingDir, `${s.replace(/[/\\\0]/g, '_')}.x`)),
          fc.constant([path.join(missingDir, 'a.txt')]),
          nastyValue().map((v) => confined(v, missingDir)),
        )
      : nastyValue();
    return fc.option(value, { nil: undefined }).map((v) => [key, v] as const);
  });
  const objectArgs = fc.tuple(fc.tuple(...fields), fc.boolean()).map(([pairs, extra]) => {
    const args: Record<string, unknown> = {};
    for (const [key, v] of pairs) if (v !== undefined) args[key] = v;
    if (extra) args.unexpectedField = 1;
    return args;
  });
  return fc.oneof({ weight: 8, arbitrary: objectArgs }, { weight: 1, arbitrary: nastyValue() });
}

/** Everything the project holds, as one hash: a failed call must leave it exactly as it was. */
function fingerprint(db: Database.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(table);
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  }
  return hash.digest('hex');
}

/** A small real project so that ids 1 and 2 exist and handlers get past "not found". */
function seed(db: Database.Database): void {
  const now = '2026-01-01T00:00:00.000Z';
  db.exec(`
    INSERT INTO coders (id, name, created_at) VALUES (1, 'tester', '${now}');
    INSERT INTO participant_categories (id, name) VALUES (1, 'NGO representative');
    INSERT INTO participants (id, label, category_id, status, created_at) VALUES (1, 'Interview 1', 1, 'interviewed', '${now}'), (2, 'Interview 2', 1, 'contacted', '${now}');
    INSERT INTO referrals (referrer_id, referred_id, created_at) VALUES (1, 2, '${now}');
    INSERT INTO documents (id, title, kind, file_name, format, content_hash, text, date, word_count, participant_id, imported_at)
      VALUES (1, 'Interview 1', 'interview', 'i1.txt', 'txt', 'h1', 'Interviewer: Why NGOs?\nRespondent: Legitimacy, mostly. 👩🏽‍⚕️ Genève.', '2016', 8, 1, '${now}'),
             (2, 'NATO 2016', 'document', 'n.txt', 'txt', 'h2', 'Protection of civilians and civilian casualties.', '2016-05', 6, NULL, '${now}');
    INSERT INTO turns (document_id, speaker, start_utf16, end_utf16) VALUES (1, 'Interviewer', 0, 22), (1, 'Respondent', 23, 64);
    INSERT INTO codes (id, parent_id, name, color, position, created_at) VALUES (1, NULL, 'Resource gaps', '#aa3333', 0, '${now}'), (2, 1, 'Public legitimacy', '#3333aa', 0, '${now}');
    INSERT INTO code_groups (id, name) VALUES (1, 'Resource concerns');
    INSERT INTO code_group_members (group_id, code_id) VALUES (1, 2);
    INSERT INTO document_groups (id, name, created_at) VALUES (1, 'NGOs', '${now}');
    INSERT INTO document_group_members (group_id, document_id) VALUES (1, 1), (1, 2);
    INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
      VALUES (1, 2, 35, 45, 'Legitimacy', 1, '${now}', '${now}');
  `);
}

async function fuzzCall(session: Session, call: CallName, missingDir: string, runs: number): Promise<void> {
  const db = session.requireProject().db;
  let before = fingerprint(db);
  await fc.assert(
    fc.asyncProperty(argumentArbitrary(call, missingDir), async (args) => {
      const result = await dispatch(session, call, args);
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) {
        before = fingerprint(db); // a valid call may change the project; later failures compare to this
        return;
      }
      expect(result.error.message.length).toBeGreaterThan(0);
      // 'internal' means an exception escaped a handler: a bug, not a clear message.
      expect(
        result.error.code,
        `${call} ${JSON.stringify(args).slice(0, 300)} → ${result.error.message}`,
      ).not.toBe('internal');
      expect(fingerprint(db), `${call} failed but changed the project: ${result.error.message}`).toBe(before);
    }),
    { numRuns: runs, seed: 20261123 },
  );
  // Let jobs started by lucky valid arguments finish before the next call is fuzzed.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('API fuzzing: every call answers malformed input with ok:false, a message, and no change', () => {
  const calls = callNames.filter((c) => !LIFECYCLE.has(c));

  it.each(calls)('%s', async (call) => {
    const { session, dir } = await newProjectSession();
    seed(session.requireProject().db);
    await fuzzCall(session, call, path.join(dir, 'no-such-folder'), 60);
    expect(session.requireProject().db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('project lifecycle calls refuse bad paths without touching the open project', async () => {
    const { session, dir, file } = await newProjectSession();
    seed(session.requireProject().db);
    const before = fingerprint(session.requireProject().db);
    for (const bad of [
      path.join(dir, 'no-such-folder', 'x.passage'),
      '/',
      dir,
      '\u0000',
      'x'.repeat(5000),
      42,
      null,
    ]) {
      const result = await dispatch(session, 'project.open', { path: bad });
      expect(result.ok).toBe(false);
    }
    expect(session.requireProject().path).toBe(file);
    expect(fingerprint(session.requireProject().db)).toBe(before);
  });
});
