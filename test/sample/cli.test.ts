import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/backend/session';
import { sampleCommands } from '../../electron/cli/commands/sample';
import type { Output } from '../../electron/cli/output';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import { invoke } from '../../electron/backend/dispatch';

/** Runs `passage sample …` as the CLI does (a fresh session per command), capturing its JSON. */
async function sample(...argv: string[]): Promise<unknown> {
  const session = trackSession(new Session('cli'));
  let printed: unknown;
  const out: Output = { json: true, print: (value) => (printed = value) };
  try {
    await sampleCommands[0]!.run({ session, out, argv });
  } finally {
    session.close();
  }
  return printed;
}

describe('passage sample', () => {
  it('adds, refers, sets status, imports and lists with --json', async () => {
    const dir = tempDir();
    process.env.PASSAGE_HOME = path.join(dir, 'home');
    const file = path.join(dir, 'study.passage');
    const creator = trackSession(new Session('cli'));
    await invoke(creator, 'project.create', { path: file });
    creator.close();

    await sample(file, 'add', 'Seed', '--category', 'NGO representative');
    await sample(file, 'add', 'R1');
    await sample(file, 'refer', 'Seed', 'R1', '--date', '2024-02-01');
    await sample(file, 'status', 'R1', 'interviewed', '--date', '2024-03-01');
    const csv = path.join(dir, 'more.csv');
    fs.writeFileSync(csv, 'label,referred_by\nR2,R1;Seed\n');
    expect(await sample(file, 'import', csv)).toMatchObject({ imported: 1, referrals: 2 });

    const list = (await sample(file, 'list')) as Record<string, unknown>[];
    expect(
      list.map(({ label, category, status, wave, referredBy, documents }) => ({
        label,
        category,
        status,
        wave,
        referredBy,
        documents,
      })),
    ).toEqual([
      { label: 'R1', category: null, status: 'interviewed', wave: 1, referredBy: ['Seed'], documents: [] },
      {
        label: 'R2',
        category: null,
        status: 'identified',
        wave: 1,
        referredBy: ['R1', 'Seed'],
        documents: [],
      },
      {
        label: 'Seed',
        category: 'NGO representative',
        status: 'identified',
        wave: 0,
        referredBy: [],
        documents: [],
      },
    ]);

    await expect(sample(file, 'refer', 'R2', 'Seed')).rejects.toThrow(
      'would make a referral cycle: R2 → Seed → R2',
    );
    fs.writeFileSync(csv, 'label,referred_by\nR3,Nobody\n');
    await expect(sample(file, 'import', csv)).rejects.toThrow("row 2: unknown referrer 'Nobody'");
    await expect(sample(file, 'status', 'Ghost', 'agreed')).rejects.toThrow(
      "no participant labelled 'Ghost'",
    );
  });
});
