import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/backend/session';
import { searchCommands } from '../../electron/cli/commands/search';
import { newProjectSession, trackSession } from '../helpers/session';
import { addDocs } from './corpus';

async function run(name: string, argv: string[], json = false): Promise<string> {
  const command = searchCommands.find((c) => c.name === name)!;
  const session = trackSession(new Session('cli', { coder: 'tester' }));
  let printed = '';
  await command.run({
    session,
    argv,
    out: { json, print: (value, human) => (printed += json ? JSON.stringify(value) : human()) },
  });
  session.close();
  return printed;
}

describe('passage search / group / autocode', () => {
  it('searches, builds groups from a search and auto-codes with a new code', async () => {
    const { session, file } = await newProjectSession('tester');
    const [a, b] = addDocs(session.requireProject().db, [
      'NATO met in Genève. Civilian casualties rose.',
      { text: 'Interviewer: Do you trust NATO?\nRespondent: I trust the NGO.', kind: 'interview' },
      'Budget only.',
    ]);
    session.close();
    const found = JSON.parse(await run('search', [file, 'geneve OR ngo'], true)) as { total: number };
    expect(found.total).toBe(2);
    expect(await run('search', [file, 'nato', '--kind', 'interview'])).toContain(
      'Interviewer: Do you trust [NATO]? Respondent: I trust the NGO.',
    );
    await expect(run('search', [file, '"civilian casualties'])).rejects.toThrow(
      'search: unbalanced quote in "civilian casualties',
    );
    expect(await run('group', [file, 'create', 'NATO', '--from-search', 'nato'])).toBe(
      'created group "NATO" (N = 2) from nato',
    );
    expect(await run('group', [file, 'remove', 'NATO', '--docs', `${a}`])).toBe(
      'removed from group "NATO" (N = 1) from nato',
    );
    const listed = JSON.parse(await run('group', [file, 'list'], true)) as {
      name: string;
      documentCount: number;
    }[];
    expect(listed.map((g) => [g.name, g.documentCount])).toEqual([['NATO', 1]]);
    expect(
      await run('autocode', [
        file,
        'trust',
        '--code',
        'Trust',
        '--unit',
        'turn',
        '--group',
        'NATO',
        '--dry-run',
      ]),
    ).toBe(
      'would create 2 segment(s) in 1 document(s) with new code "Trust" (2 hit(s) in 1 document(s), 0 already coded; 2 hit(s) outside speaker turns coded by paragraph)',
    );
    const applied = JSON.parse(
      await run('autocode', [file, 'trust', '--code', 'Trust', '--unit', 'turn', '--group', 'NATO'], true),
    ) as { segmentsCreated: number; codeCreated: boolean };
    // No turns stored for this document: each "trust" falls back to its line.
    expect(applied).toMatchObject({ segmentsCreated: 2, codeCreated: true });
    await expect(run('group', [file, 'add', 'Nope', '--docs', `${b}`])).rejects.toThrow(
      'group add: no group named "Nope"',
    );
    expect(await run('group', [file, 'delete', 'NATO'])).toBe('deleted group "NATO" (documents are kept)');
  });

  it('matches word forms unless --exact, and says which', async () => {
    const { session, file } = await newProjectSession('tester');
    addDocs(session.requireProject().db, ['Non-governmental organisations (NGOs) helped the NGO sector.']);
    session.close();
    const stemmed = await run('search', [file, 'ngo']);
    expect(stemmed).toContain('1 document(s) match ngo (Matching word forms (English stemming))');
    expect(stemmed).toContain('([NGOs]) helped the [NGO] sector.');
    const exact = await run('search', [file, 'ngo', '--exact']);
    expect(exact).toContain('1 document(s) match ngo (Exact words)');
    expect(exact).toContain('(NGOs) helped the [NGO] sector.');
  });
});
