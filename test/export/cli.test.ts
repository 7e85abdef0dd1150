import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/api/export';
import { exportCommands } from '../../electron/cli/commands/export';
import { Session } from '../../electron/backend/session';
import { trackSession } from '../helpers/session';
import { seededProject } from './helpers/project';
import { unzipText } from './helpers/reader';
import { QUOTES } from './helpers/seed';

const command = exportCommands.find((c) => c.name === 'export')!;

/** Runs `passage export …` in a fresh CLI session, as bin/passage.mjs would, on a project closed by the test's session. */
async function passageExport(argv: string[]): Promise<ExportResult> {
  const session = trackSession(new Session('cli', { coder: 'cli' }));
  let printed: unknown;
  await command.run({ session, argv, out: { json: true, print: (value) => (printed = value) } });
  return printed as ExportResult;
}

describe('passage export', () => {
  it('writes a Word appendix of a code group and named codes with the chosen parts', async () => {
    const { session, dir, file } = await seededProject();
    session.close();
    const target = path.join(dir, 'cli.docx');
    const result = await passageExport([
      file,
      'docx',
      target,
      '--code-group',
      'level of cooperation',
      '--codes',
      'Burden sharing',
      '--include',
      'evidence,appendix1',
      '--memos',
      '--title',
      'Appendix D',
    ]);
    expect(result).toMatchObject({ path: target, format: 'docx', quotes: 6, tables: 1 });
    const xml = (await unzipText(target)).get('word/document.xml')!;
    expect(xml).toContain('Appendix D');
    expect(xml).toContain('Memo: ');
    expect(xml.indexOf('Other codes')).toBeGreaterThan(xml.indexOf('Level of cooperation'));
    expect(xml).toContain('Table 1. List of interviews');
  });

  it('filters by category and writes CSV', async () => {
    const { session, dir, file } = await seededProject();
    session.close();
    const target = path.join(dir, 'ngo.csv');
    // NGO participants are Interviews 2 and 9: Trust has one segment in each.
    const result = await passageExport([file, 'csv', target, '--codes', 'Trust', '--category', 'NGO']);
    expect(result.quotes).toBe(2);
    const csv = fs.readFileSync(target, 'utf8');
    expect(csv).toContain(QUOTES.trust2);
    expect(csv).toContain(QUOTES.trust9);
  });

  it('names what is wrong: unknown code, unknown part, missing arguments', async () => {
    const { session, dir, file } = await seededProject();
    session.close();
    const target = path.join(dir, 'x.docx');
    await expect(passageExport([file, 'docx', target, '--codes', 'Nope'])).rejects.toThrow(
      "export: code 'Nope' not found",
    );
    await expect(
      passageExport([file, 'docx', target, '--codes', 'Trust', '--include', 'charts']),
    ).rejects.toThrow("unknown part 'charts'");
    await expect(passageExport([file, 'pdf', target])).rejects.toThrow(
      'format must be one of docx, csv, tsv, md',
    );
    await expect(passageExport([file])).rejects.toThrow(/usage: passage export FILE/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
