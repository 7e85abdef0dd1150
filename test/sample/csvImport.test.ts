import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';

const GOOD = [
  'label,category,status,referred_by,interview_date,mode',
  // P02 names P03, defined further down the file.
  'P01,NGO representative,interviewed,,2024-01-10,in person',
  'P02,ICRC representative,interviewed,P01;P03,2024-01-20,video',
  'P03,NGO representative,contacted,P01,,',
  'P04,subject-matter expert,identified,P02,,',
].join('\n');

describe('CSV import', () => {
  it('imports participants and referrals, referrers may come later in the file', async () => {
    const { session, dir } = await newProjectSession();
    const file = path.join(dir, 'sample.csv');
    fs.writeFileSync(file, GOOD);
    const result = await invoke(session, 'sample.import', { path: file });
    expect(result).toEqual({
      imported: 4,
      referrals: 4,
      categoriesCreated: ['NGO representative', 'ICRC representative', 'subject-matter expert'],
      errors: [],
    });
    const rows = await invoke(session, 'sample.list', {});
    const by = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(by.P02!.referredBy.map((r) => r.label).sort()).toEqual(['P01', 'P03']);
    // P01 seed (0); P03 ← P01 (1); P02 ← P01 (1); P04 ← P02 (2)
    expect(Object.fromEntries(rows.map((r) => [r.label, r.wave]))).toEqual({
      P01: 0,
      P02: 1,
      P03: 1,
      P04: 2,
    });
    expect(by.P02!.interviewMode).toBe('video');
    expect(by.P01!.status).toBe('interviewed');
    expect(await invoke(session, 'sample.appendix', {})).toEqual([
      { label: 'P01', category: 'NGO representative', date: '2024-01-10', mode: 'in person' },
      { label: 'P02', category: 'ICRC representative', date: '2024-01-20', mode: 'video' },
    ]);
  });

  it('reports every bad row with its number and imports nothing', async () => {
    const { session } = await newProjectSession();
    await invoke(session, 'sample.create', { label: 'Existing' });
    const text = [
      'Label,Category,Status,Referred By,Interview Date,Mode',
      'P01,NGO,interviewed,,2024-01-10,video', // row 2: fine
      'P02,NGO,maybe,P01,2024-13-01,skype', // row 3: status, date, mode
      'P03,NGO,identified,P99,,', // row 4: unknown referrer
      'p01,NGO,identified,,,', // row 5: duplicate label in the file
      'existing,NGO,identified,,,', // row 6: duplicate of the project
      'P05,NGO,identified,P06,,', // row 7: cycle P05 ← P06 ← P05 (closed on row 8)
      'P06,NGO,identified,P05,,', // row 8
    ].join('\n');
    const result = await invoke(session, 'sample.import', { text });
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      {
        row: 3,
        message:
          "unknown status 'maybe' (use identified, contacted, agreed, scheduled, interviewed, declined, no_response, withdrawn)",
      },
      { row: 3, message: "unknown mode 'skype' (use in person, video, phone)" },
      { row: 3, message: "interview_date: bad date '2024-13-01' (use YYYY-MM-DD)" },
      { row: 4, message: "unknown referrer 'P99'" },
      { row: 5, message: "duplicate label 'p01' (also on row 2)" },
      { row: 6, message: "duplicate label 'existing' (already in the project)" },
      { row: 8, message: "referral by 'P05' makes a cycle: P05 → P06 → P05" },
    ]);
    const rows = await invoke(session, 'sample.list', {});
    expect(rows.map((r) => r.label)).toEqual(['Existing']);
    expect(await invoke(session, 'sample.categories.list', {})).toEqual([]);
  });

  it('refuses unknown columns and a missing label column', async () => {
    const { session } = await newProjectSession();
    const result = await invoke(session, 'sample.import', { text: 'name,status\nA,identified' });
    expect(result.errors).toEqual([
      { row: 1, message: "unknown column 'name'" },
      { row: 1, message: "missing column 'label'" },
    ]);
  });

  it('accepts a file saved with semicolons and quoted referrer lists', async () => {
    const { session } = await newProjectSession();
    const text = 'label;status;referred_by\nA;interviewed;\nB;contacted;A\nC;identified;"A;B"\n';
    const result = await invoke(session, 'sample.import', { text });
    expect(result.errors).toEqual([]);
    expect(result.referrals).toBe(3);
  });
});
