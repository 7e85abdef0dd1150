import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Coder } from '../../shared/api/coding';
import type { CodingCopy, MergeReport } from '../../shared/api/team';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import JSZip from 'jszip';
import { addDocument } from '../coding/fixture';
import { sample } from '../exchange/samples';

const TEXT = 'First line about access.\nSecond line about training.\n';

/** A project with one document and one code, in a fresh folder. */
function newProject(): { file: string; dir: string; doc: number } {
  const dir = tempDir();
  process.env.PASSAGE_HOME = path.join(dir, 'home');
  const file = path.join(dir, 'study.passage');
  expect(runPassage(['new', file]).status).toBe(0);
  const db = new Database(file);
  const doc = addDocument(db, 'Interview 1', TEXT);
  db.close();
  expect(runPassage(['codebook', file, 'add', 'Access']).status).toBe(0);
  return { file, dir, doc };
}

const code = (file: string, doc: number, start: number, end: number, coder: string) =>
  runPassage([
    'code',
    file,
    '--doc',
    String(doc),
    '--start',
    String(start),
    '--end',
    String(end),
    '--code',
    'Access',
    '--coder',
    coder,
  ]);

// Each test runs the CLI a dozen times; on a loaded two-core machine that takes a while.
describe('passage coders / agreement / copies / merge', { timeout: 180_000 }, () => {
  it('--coder names who writes, creating the coder and saying so once', () => {
    const { file, doc } = newProject();
    const first = code(file, doc, 0, 5, 'Ana');
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('new coder "Ana" added');
    const again = code(file, doc, 6, 10, 'Ana');
    expect(again.stderr).toBe('');
    // --coder wins over PASSAGE_CODER
    const env = runPassage(
      [
        'code',
        file,
        '--doc',
        String(doc),
        '--start',
        '0',
        '--end',
        '5',
        '--code',
        'Access',
        '--coder',
        'Ben',
      ],
      {
        PASSAGE_CODER: 'Zed',
      },
    );
    expect(env.status).toBe(0);
    const coders = runPassage(['coders', file, 'list', '--json']).json<Coder[]>();
    expect(coders.filter((c) => c.segmentCount > 0).map((c) => [c.name, c.segmentCount])).toEqual([
      ['Ana', 2],
      ['Ben', 1],
    ]);
    expect(runPassage(['coders', file, 'add', 'ana']).stderr).toContain('a coder named "ana" already exists');
    const renamed = runPassage(['coders', file, 'rename', 'Ben', 'Benjamin', '--json']);
    expect(renamed.status).toBe(0);
    expect(renamed.json<Coder>()).toMatchObject({ name: 'Benjamin', segmentCount: 1 });
  });

  it('agreement --json prints exactly the documented shape; --csv a table; errors exit non-zero', () => {
    const { file, doc } = newProject();
    code(file, doc, 0, 24, 'Ana'); // line 1
    code(file, doc, 25, 52, 'Ana'); // line 2
    code(file, doc, 0, 5, 'Ben'); // line 1 only
    const run = runPassage(['agreement', file, '--coders', 'Ana,Ben', '--unit', 'paragraphs', '--json']);
    expect(run.stderr).toBe('');
    expect(run.json()).toEqual({
      unit: 'paragraphs',
      coders: ['Ana', 'Ben'],
      documentCount: 1,
      codes: [
        {
          code: { name: 'Access', path: 'Access' },
          units: 2,
          percentAgreement: 0.5,
          kappa: 0,
          alpha: expect.any(Number),
        },
      ],
      overall: { units: 2, percentAgreement: 0.5, kappa: 0, alpha: expect.any(Number) },
    });
    const csv = runPassage(['agreement', file, '--coders', 'Ana,Ben', '--unit', 'paragraphs', '--csv']);
    expect(csv.stdout.split('\r\n')[1]).toBe(
      "Code,Units,Percent agreement,Cohen's kappa,Krippendorff's alpha,Applied by Ana,Applied by Ben",
    );
    expect(csv.stdout).toContain('Access,2,50.0,0.000');
    const bad = runPassage(['agreement', file, '--coders', 'Ana,Nobody', '--json']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('there is no coder named "Nobody"');
    expect(runPassage(['agreement', file, '--coders', 'Ana,Ben', '--unit', 'words']).stderr).toContain(
      '--unit must be one of',
    );
  });

  it('copies per coder, a coder working in his copy, merged back once', () => {
    const { file, dir, doc } = newProject();
    code(file, doc, 0, 5, 'Ana');
    const out = path.join(dir, 'copies');
    fs.mkdirSync(out);
    const copies = runPassage([
      'copies',
      file,
      '--coders',
      'Ana,Ben',
      '--out',
      out,
      '--without-segments',
      '--json',
    ]);
    expect(copies.stderr).toBe('');
    const [, ben] = copies.json<CodingCopy[]>();
    expect(ben).toMatchObject({ coder: 'Ben', segments: 0 });
    // In his copy, Ben is the coder without saying so.
    expect(
      runPassage(['code', ben!.path, '--doc', String(doc), '--start', '6', '--end', '10', '--code', 'Access'])
        .status,
    ).toBe(0);
    const merged = runPassage(['merge', file, ben!.path, '--json']);
    expect(merged.stderr).toBe('');
    const report = merged.json<MergeReport>();
    expect(report.added.segments).toBe(1);
    expect(fs.existsSync(report.backup)).toBe(true);
    expect(runPassage(['merge', file, ben!.path, '--json']).json<MergeReport>().added.segments).toBe(0);
    const coders = runPassage(['coders', file, 'list', '--json']).json<Coder[]>();
    expect(coders.find((c) => c.name === 'Ben')!.segmentCount).toBe(1);
    const missing = runPassage(['merge', file, path.join(dir, 'nope.passage')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('nope.passage does not exist');
  });

  it('agreement --out writes the Word appendix, CSV or JSON, and replaces a file only with --force', async () => {
    const { file, dir, doc } = newProject();
    code(file, doc, 0, 24, 'Ana');
    code(file, doc, 0, 5, 'Ben');
    const args = ['agreement', file, '--coders', 'Ana,Ben', '--unit', 'paragraphs'];
    const docx = path.join(dir, 'appendix.docx');
    const wrote = runPassage([...args, '--out', docx, '--json']);
    expect(wrote.stderr).toBe('');
    expect(wrote.json()).toMatchObject({ path: docx, format: 'docx' });
    const zip = await JSZip.loadAsync(fs.readFileSync(docx));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Inter-coder agreement');
    expect(xml).toContain('Definitions');
    const json = path.join(dir, 'table.json');
    expect(runPassage([...args, '--out', json]).stdout).toContain(`wrote ${json}`);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ unit: 'paragraphs', documentCount: 1 });
    const again = runPassage([...args, '--unit', 'documents', '--out', json]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain(
      'table.json already exists — choose another name or pass --force to replace it',
    );
    expect(runPassage([...args, '--unit', 'documents', '--out', json, '--force']).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ unit: 'documents' });
    const wrong = runPassage([...args, '--out', path.join(dir, 'table.txt')]);
    expect(wrong.stderr).toContain('table.txt must end in .docx (Word appendix), .csv or .json');
  });

  it('merge takes a .qdpx from another tool', () => {
    const { file } = newProject();
    const merged = runPassage(['merge', file, sample('qc-1.2.0/demo.qdpx'), '--json']);
    expect(merged.stderr).toBe('');
    const report = merged.json<MergeReport>();
    expect(report.added.segments).toBeGreaterThan(0);
    expect(report.undoable).toBe(true);
  });
});
