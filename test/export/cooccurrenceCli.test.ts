import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { exportCommands } from '../../electron/cli/commands/export';
import type { ExportResult } from '../../shared/api/export';
import { trackSession } from '../helpers/session';
import { seededProject } from './helpers/project';
import { tableCells, unzipText } from './helpers/reader';

const command = exportCommands.find((c) => c.name === 'export')!;

/** Runs `passage export …` in a fresh CLI session, as bin/passage.mjs would. */
async function passageExport(argv: string[]): Promise<ExportResult> {
  const session = trackSession(new Session('cli', { coder: 'cli' }));
  let printed: unknown;
  await command.run({ session, argv, out: { json: true, print: (value) => (printed = value) } });
  return printed as ExportResult;
}

/** The seeded study with a document group "NGOs" (Interviews 2 and 9), closed for the CLI to open. */
async function closedStudyWithNgoGroup() {
  const project = await seededProject();
  const db = project.session.requireProject().db;
  const documentIds = (
    db
      .prepare(`SELECT id FROM documents WHERE title IN ('Interview 2 transcript', 'Interview 9 transcript')`)
      .all() as { id: number }[]
  ).map((r) => r.id);
  await invoke(project.session, 'documentGroups.create', { name: 'NGOs', documentIds });
  project.session.close();
  return project;
}

describe('passage export --cooccurrence-*', () => {
  it('gives the co-occurrence table its own rows, columns and document group, beside interview evidence', async () => {
    const { dir, file } = await closedStudyWithNgoGroup();
    const target = path.join(dir, 'paper.docx');
    const result = await passageExport([
      file,
      'docx',
      target,
      '--codes',
      'Trust',
      '--kind',
      'interview',
      '--include',
      'evidence,cooccurrence',
      '--cooccurrence-row-groups',
      'Level of cooperation',
      '--cooccurrence-columns',
      'Legitimacy,Burden sharing',
      '--cooccurrence-document-group',
      'ngos',
    ]);
    expect(result).toMatchObject({ quotes: 2, tables: 1 });
    const xml = (await unzipText(target)).get('word/document.xml')!.replaceAll('\u00a0', ' ');
    expect(xml).toContain(
      'Table 1. Codes co-occurring with Legitimacy and Burden sharing in document group NGOs (N = 2 documents)',
    );
    expect(tableCells(xml)[0]).toEqual([
      ['Code', 'Legitimacy (N = 1)', 'Burden sharing (N = 1)'],
      ['Level of cooperation'],
      ['Legitimacy (N = 1)', '1', '1'],
      ['Trust (N = 2)', '1', '1'],
    ]);
  });

  it('takes rows, the segments unit and the other filters with the prefix', async () => {
    const { dir, file } = await closedStudyWithNgoGroup();
    const target = path.join(dir, 'rows.docx');
    await passageExport([
      file,
      'docx',
      target,
      '--include',
      'cooccurrence',
      '--cooccurrence-rows',
      'Legitimacy,Trust',
      '--cooccurrence-unit',
      'segments',
      '--cooccurrence-kind',
      'interview',
      '--cooccurrence-from',
      '2017',
    ]);
    // Interview 12 (2017) alone: its Legitimacy segment.
    const xml = (await unzipText(target)).get('word/document.xml')!.replaceAll('\u00a0', ' ');
    expect(xml).toContain(
      'Table 1. Co-occurrence of Legitimacy and Trust in interviews, from 2017 (N = 1 segment)',
    );
  });

  it('names a wrong value and the flag it came with', async () => {
    const { dir, file } = await closedStudyWithNgoGroup();
    const target = path.join(dir, 'x.docx');
    const run = (...flags: string[]) =>
      passageExport([file, 'docx', target, '--include', 'cooccurrence', ...flags]);
    await expect(run('--cooccurrence-document-group', 'Veterans')).rejects.toThrow(
      "export: document group 'Veterans' not found",
    );
    await expect(run('--cooccurrence-columns', 'Nope')).rejects.toThrow("export: code 'Nope' not found");
    await expect(run('--cooccurrence-unit', 'words')).rejects.toThrow(
      'export: --cooccurrence-unit must be documents or segments',
    );
    await expect(run('--cooccurrence-kind', 'memo')).rejects.toThrow(
      'export: --cooccurrence-kind must be interview or document',
    );
    await expect(run('--cooccurrence-colour', 'red')).rejects.toThrow(
      'export: unknown option --cooccurrence-colour',
    );
  });
});
