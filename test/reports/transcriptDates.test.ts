import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { importAndWait } from '../documents/importHelpers';
import { newProjectSession } from '../helpers/session';

describe('transcripts take their interview date in the reports', () => {
  it('places an undated transcript at its participant’s interview date, and its own date first', async () => {
    const { session, dir } = await newProjectSession();
    const folder = path.join(dir, 'transcripts');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'P01.txt'), 'Interviewer: Why?\nRespondent: Legitimacy.\n');
    fs.writeFileSync(path.join(folder, 'P02.txt'), 'Interviewer: And then?\nRespondent: Trust.\n');
    fs.writeFileSync(path.join(folder, 'P03.txt'), 'Date: 2017-02-01\nRespondent: Funding.\n');
    fs.writeFileSync(path.join(folder, 'P04.txt'), 'Respondent: nobody knows when.\n');
    await importAndWait(session, { paths: [folder], kind: 'interview' });
    const docs = await invoke(session, 'documents.list', {});
    const idOf = (title: string): number => docs.find((d) => d.title.startsWith(title))!.id;
    expect(docs.filter((d) => d.date === null)).toHaveLength(3);

    const p1 = await invoke(session, 'sample.create', { label: 'P01', interviewDate: '2019-03-12' });
    const p2 = await invoke(session, 'sample.create', { label: 'P02', interviewDate: '2020-06-01' });
    const p3 = await invoke(session, 'sample.create', { label: 'P03', interviewDate: '2021-01-01' });
    const p4 = await invoke(session, 'sample.create', { label: 'P04' });
    for (const [participant, title] of [
      [p1, 'P01'],
      [p2, 'P02'],
      [p3, 'P03'],
      [p4, 'P04'],
    ] as const)
      await invoke(session, 'sample.linkDocument', {
        participantId: participant.id,
        documentId: idOf(title),
      });

    const timeline = await invoke(session, 'reports.timeline', {});
    // P03's own "Date:" line wins over its interview date; P04 has no date anywhere.
    expect(timeline.years).toEqual([2017, 2018, 2019, 2020]);
    expect(timeline.series[0]!.counts).toEqual([1, 0, 1, 1]);
    expect(timeline.undated).toBe(1);
    // The year filter sees the same dates.
    const from2019 = await invoke(session, 'reports.timeline', { filters: { yearFrom: 2019 } });
    expect(from2019.series[0]!.counts.reduce((a, b) => a + b, 0)).toBe(2);
    // The documents themselves keep no date of their own: the fallback is the participant's.
    expect((await invoke(session, 'documents.list', {})).filter((d) => d.date === null)).toHaveLength(3);
  });
});
