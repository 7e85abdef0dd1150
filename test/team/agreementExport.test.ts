import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Args, CallName, Results } from '../../shared/api/contract';
import { invoke } from '../../electron/backend/dispatch';
import { addDocument, spanOf } from '../coding/fixture';
import { newProjectSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const TEXT = 'Why did you contact NATO?\nWe needed access to the briefings.\nLater we ran joint training.\n';

/** Ana and Ben both coded Access on line 2; only Ana coded Training (line 3). */
async function codedStudy() {
  const { session, file } = await newProjectSession('Ana');
  const call = <N extends CallName>(name: N, args: Args<N>): Promise<Results[N]> =>
    invoke(session, name, args);
  const doc = addDocument(session.requireProject().db, 'Interview 1', TEXT);
  const access = await call('codes.create', { name: 'Access' });
  const training = await call('codes.create', { name: 'Training' });
  await call('segments.apply', { documentId: doc, codeId: access.id, ...spanOf(TEXT, 'needed access') });
  await call('segments.apply', { documentId: doc, codeId: training.id, ...spanOf(TEXT, 'joint training') });
  await call('coders.setCurrent', { name: 'Ben' });
  await call('segments.apply', { documentId: doc, codeId: access.id, ...spanOf(TEXT, 'access to the') });
  await call('coders.setCurrent', { name: 'Ana' });
  return { call, file };
}

const scope = { coders: ['Ana', 'Ben'], unit: 'paragraphs' as const };

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file('word/document.xml')!.async('string');
}

/** The document's visible text; table rows as their cells' texts joined by tabs. */
const visibleText = (xml: string) =>
  xml
    // A cell's paragraph ends where the cell does: one tab, no line break.
    .replace(/<\/w:p><\/w:tc>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<\/w:tr>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe('the agreement table as a file', () => {
  it('writes a Word appendix with the table and the definitions of the measures and unit', async () => {
    const { call } = await codedStudy();
    const dir = tempDir();
    const written = await call('team.exportAgreement', { ...scope, file: path.join(dir, 'agreement.docx') });
    expect(written).toMatchObject({ format: 'docx', path: path.join(dir, 'agreement.docx') });
    const xml = await documentXml(written.path);
    // The appendix's tables: horizontal rules only (APA), as in the export's Word appendix.
    expect(xml).toContain('<w:tblBorders>');
    expect(xml).not.toMatch(/<w:insideV w:val="single"/);
    const text = visibleText(xml);
    expect(text).toContain('Inter-coder agreement');
    expect(text).toContain('Coders compared: Ana, Ben. Unit: paragraphs.');
    // Rows: code, units, percent, kappa, alpha, applied by Ana, applied by Ben (hand-counted). Access: both
    // on paragraph 2 only → full agreement. Training: Ana on paragraph 3, Ben nowhere → 2 of 3 paragraphs;
    // p_e = 1/3·0 + 2/3·1 = 2/3 = p_o, so kappa 0 (printed 0.000, never -0.000).
    expect(text).toContain('\nAccess\t3\t100.0\t1.000\t1.000\t1\t1\t\n');
    expect(text).toContain('\nTraining\t3\t66.7\t0.000\t0.000\t1\t0\t\n');
    expect(text).toContain('\nOverall (all codes pooled)\t6\t83.3\t0.571\t0.593\t2\t1\t\n');
    expect(text).toContain('Table A1. Agreement between Ana, Ben by paragraphs in 1 document\n');
    expect(text).toContain(
      '\nCode\tUnits\tAgree\u00adment (%)\tCohen’s κ\tKrippen\u00addorff’s α\tApplied by Ana\tApplied by Ben\t\n',
    );
    expect(text).toContain('Definitions');
    expect(text).toContain('Percent agreement: the share of units on which all chosen coders agree');
    expect(text).toContain("Cohen's kappa (exactly two coders): (p_o − p_e) / (1 − p_e)");
    expect(text).toContain(
      "Krippendorff's alpha (nominal, binary per code, any number of coders): 1 − D_o / D_e",
    );
    expect(text).toContain('Units: paragraphs (non-empty lines of the stored text).');
  });

  it('writes CSV and JSON by the file’s name, and the same bytes for the app to save', async () => {
    const { call } = await codedStudy();
    const dir = tempDir();
    const csv = await call('team.exportAgreement', { ...scope, file: path.join(dir, 'table.csv') });
    const lines = fs.readFileSync(csv.path, 'utf8').trim().split(/\r?\n/);
    expect(lines[1]).toBe(
      "Code,Units,Percent agreement,Cohen's kappa,Krippendorff's alpha,Applied by Ana,Applied by Ben",
    );
    expect(lines[2]).toBe('Access,3,100.0,1.000,1.000,1,1');
    const json = await call('team.exportAgreement', { ...scope, file: path.join(dir, 'table.json') });
    const parsed = JSON.parse(fs.readFileSync(json.path, 'utf8'));
    expect(parsed).toMatchObject({ unit: 'paragraphs', coders: ['Ana', 'Ben'], documentCount: 1 });
    expect(parsed.codes[1]).toMatchObject({ code: { name: 'Training', path: 'Training' }, units: 3 });
    const download = await call('team.agreementFile', { ...scope, format: 'json' });
    expect(download).toMatchObject({ fileName: 'agreement.json', mimeType: 'application/json' });
    expect(Buffer.from(download.base64, 'base64').toString('utf8')).toBe(fs.readFileSync(json.path, 'utf8'));
  });

  it('refuses the project file, an existing file without overwrite, and other extensions', async () => {
    const { call, file } = await codedStudy();
    const dir = tempDir();
    await expect(
      call('team.exportAgreement', { ...scope, file: file.replace(/\.passage$/, '.docx'), overwrite: true }),
    ).resolves.toMatchObject({ format: 'docx' });
    await expect(call('team.exportAgreement', { ...scope, file, overwrite: true })).rejects.toThrow(
      /must end in \.docx \(Word appendix\), \.csv or \.json/,
    );
    const existing = path.join(dir, 'table.csv');
    fs.writeFileSync(existing, 'keep me');
    await expect(call('team.exportAgreement', { ...scope, file: existing })).rejects.toThrow(
      /table\.csv already exists/,
    );
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    await call('team.exportAgreement', { ...scope, file: existing, overwrite: true });
    expect(fs.readFileSync(existing, 'utf8')).toContain('Access');
  });

  it('renders in LibreOffice (a PNG to look at: /tmp/agreement-appendix-1.png)', async () => {
    const { call } = await codedStudy();
    const dir = tempDir();
    const { path: docx } = await call('team.exportAgreement', {
      ...scope,
      file: path.join(dir, 'agreement.docx'),
    });
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      stdio: 'ignore',
      env: { ...process.env, HOME: dir },
    });
    const pdf = path.join(dir, 'agreement.pdf');
    expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain('Krippendorff');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, '/tmp/agreement-appendix']);
  }, 120_000);
});
