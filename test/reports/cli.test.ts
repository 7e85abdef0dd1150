import { describe, expect, it, vi } from 'vitest';
import { Session } from '../../electron/backend/session';
import { reportsCommands } from '../../electron/cli/commands/reports';
import { newProjectSession, trackSession } from '../helpers/session';
import { buildStudy } from './fixture';
import { generateStudy } from './generate';

async function run(file: string, args: string[], json: boolean): Promise<string> {
  const session = trackSession(new Session('cli', { coder: 'tester' }));
  let printed = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
  try {
    await reportsCommands[0]!.run({
      session,
      argv: [file, ...args],
      out: { json, print: (value, human) => (printed += json ? JSON.stringify(value) : human()) },
    });
  } finally {
    write.mockRestore();
  }
  return printed;
}

describe('passage report', () => {
  it('prints co-occurrence as JSON and CSV with the filters applied', async () => {
    const { session, file } = await newProjectSession('tester');
    buildStudy(session.requireProject().db);
    session.close();
    const json = JSON.parse(
      await run(
        file,
        ['cooccurrence', '--codes', 'Legitimacy,Effectiveness', '--group', 'NGOs', '--unit', 'documents'],
        true,
      ),
    );
    expect(json.kind).toBe('cooccurrence');
    expect(json.header.filters).toContain('Document group: NGOs');
    // In NGOs (D1, D2; D3 withdrawn): both codes in both documents.
    expect(json.rowGroups[0].rows[0].cells.map((c: { count: number }) => c.count)).toEqual([2, 2]);
    const csv = await run(file, ['frequencies', '--kind', 'document', '--csv'], false);
    expect(csv.split('\r\n')[1]).toBe('Code,Code groups,Segments,Documents,Participants');
    expect(csv).toContain('Effectiveness,,1,1,0');
    await expect(run(file, ['nonsense'], false)).rejects.toThrow('report: kind must be one of');
    await expect(run(file, ['evidence', '--code-group', 'Missing'], false)).rejects.toThrow(
      'code group Missing not found',
    );
  });

  it('prints every quote of the evidence report, however long, with no next page', async () => {
    const { session, file } = await newProjectSession('tester');
    generateStudy(session.requireProject().db, {
      documents: 20,
      codes: 3,
      segments: 900,
      bigCodeSegments: 650,
      seed: 4,
    });
    session.close();
    const json = JSON.parse(await run(file, ['evidence', '--codes', 'Code 1'], true));
    expect(json.codes).toHaveLength(1);
    expect(json.codes[0].segmentCount).toBe(650);
    expect(json.codes[0].items).toHaveLength(650);
    expect(json.codes[0].nextOffset).toBeNull();
  });
});
