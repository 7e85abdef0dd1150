import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, delimitedField } from '../../shared/export/csv';
import { escapeMarkdown } from '../../shared/export/markdown';
import { QUOTES } from './helpers/seed';
import { exportTo, seededProject } from './helpers/project';

describe('CSV, TSV and Markdown', () => {
  it('quotes fields the way spreadsheets read them', () => {
    expect(delimitedField('plain', ',')).toBe('plain');
    expect(delimitedField('a, b', ',')).toBe('"a, b"');
    expect(delimitedField('a, b', '\t')).toBe('a, b');
    expect(delimitedField('say "yes"', ',')).toBe('"say ""yes"""');
    expect(delimitedField('two\nlines', '\t')).toBe('"two\nlines"');
    expect(delimitedField('a\tb', '\t')).toBe('"a\tb"');
    // A cell Excel would run as a formula stays text.
    expect(delimitedField('=HYPERLINK("x")', ',')).toBe('"\'=HYPERLINK(""x"")"');
    expect(delimitedField('@cmd', ',')).toBe("'@cmd");
  });

  it('writes the coded segments as CSV with a BOM, one row per segment, Unicode intact', async () => {
    const { session, dir, groupId, codes } = await seededProject();
    const target = path.join(dir, 'segments.csv');
    await exportTo(
      session,
      { codeGroupIds: [groupId], codeIds: [codes.burden], includeMemos: true },
      'csv',
      target,
    );
    const raw = fs.readFileSync(target, 'utf8');
    expect(raw.startsWith(BOM)).toBe(true);
    const rows = parse(raw.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['code group'], r.code, r.citation, r.text])).toEqual([
      ['Level of cooperation', 'Legitimacy', 'Interview 2, Respondent', QUOTES.legitimacy2],
      ['Level of cooperation', 'Legitimacy', 'Interview 12', QUOTES.legitimacy12],
      ['Level of cooperation', 'Legitimacy', 'NATO (2016), p. 2', QUOTES.legitimacyNato],
      ['Level of cooperation', 'Trust', 'Interview 2, Respondent', QUOTES.trust2],
      ['Level of cooperation', 'Trust', 'Interview 9', QUOTES.trust9],
      ['Other codes', 'Burden sharing', 'Interview 2, Respondent', QUOTES.legitimacy2],
    ]);
    expect(rows[0]!.memo).toBe('Strong statement.');
    expect(rows[0]!.document).toBe('Interview 2 transcript');
  });

  it('writes TSV without memos unless asked, and reads back through a TSV parser', async () => {
    const { session, dir, groupId } = await seededProject();
    const target = path.join(dir, 'segments.tsv');
    await exportTo(session, { codeGroupIds: [groupId] }, 'tsv', target);
    const raw = fs.readFileSync(target, 'utf8');
    const rows = parse(raw.slice(1), { columns: true, delimiter: '\t' }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).not.toContain('memo');
    expect(rows[4]!.text).toBe(QUOTES.trust9);
  });

  it('writes Markdown with headings, block quotes and citations in order, tables as pipe tables', async () => {
    const { session, dir, groupId } = await seededProject();
    const target = path.join(dir, 'appendix.md');
    await exportTo(
      session,
      { title: 'Appendix C', codeGroupIds: [groupId], sections: ['evidence', 'appendix1'] },
      'md',
      target,
    );
    const md = fs.readFileSync(target, 'utf8');
    const expected = [
      '# Appendix C',
      '## Level of cooperation',
      '### Legitimacy',
      '*3 segments / 3 documents',
      `> ${QUOTES.legitimacy2}`,
      '> (Interview 2, Respondent)',
      '### Trust',
      `> ${QUOTES.trust9}`,
      '## List of interviews',
      '**Table 1. List of interviews**',
      '| Interview | Date | Mode |',
      '| **NGO (N = 2)** | | |',
      '| Interview 2 | 2016-03-01 | video |',
    ];
    let at = 0;
    for (const line of expected) {
      const found = md.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + line.length;
    }
  });

  it('escapes Markdown markup in quotes', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('a *b* [c](d) | e')).toBe('a \\*b\\* \\[c\\](d) \\| e');
    expect(escapeMarkdown('- item\n1. one')).toBe('\\- item\n\\1. one');
  });
});
