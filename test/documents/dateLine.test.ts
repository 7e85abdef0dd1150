import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { dateFromDateLine, parseDateValue } from '../../electron/import/dateLine';
import { newProjectSession } from '../helpers/session';
import { importAndWait } from './importHelpers';

describe('the "Date:" line at the top of a transcript', () => {
  it('reads the usual ways of writing a date and nothing else', () => {
    expect(parseDateValue('12 March 2019')).toBe('2019-03-12');
    expect(parseDateValue('2019-03-12')).toBe('2019-03-12');
    expect(parseDateValue('3rd of Sept. 2018')).toBe('2018-09-03');
    expect(parseDateValue('March 12, 2019, 10:00')).toBe('2019-03-12');
    expect(parseDateValue('31 April 2019')).toBeNull();
    expect(parseDateValue('12/03/2019')).toBeNull(); // day or month first? not guessed
    expect(parseDateValue('to be confirmed')).toBeNull();
    expect(dateFromDateLine('Interview P04\nInterview date: 2 May 2019\nInterviewer: Ana')).toBe(
      '2019-05-02',
    );
    expect(dateFromDateLine(`${'line\n'.repeat(10)}Date: 2019-03-12`)).toBeNull();
    expect(dateFromDateLine('We set the date: 12 March 2019 for the next meeting.')).toBeNull();
  });

  it('gives imported documents their date (a date in the file name still comes first)', async () => {
    const { session, dir } = await newProjectSession();
    const folder = path.join(dir, 'transcripts');
    fs.mkdirSync(folder);
    fs.writeFileSync(
      path.join(folder, 'P01.txt'),
      'Interview P01\nDate: 12 March 2019\n\nInterviewer: Hello.\n',
    );
    fs.writeFileSync(path.join(folder, 'P02.txt'), 'Interview date: 2019-04-30\nRespondent: Yes.\n');
    fs.writeFileSync(path.join(folder, 'P03 2018-01-05.txt'), 'Date: 12 March 2019\nRespondent: No.\n');
    fs.writeFileSync(path.join(folder, 'P04.txt'), 'Respondent: no date here.\n');
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph('Interview P05'),
            new Paragraph('Date: 7 June 2020'),
            new Paragraph('Text.'),
          ],
        },
      ],
    });
    fs.writeFileSync(path.join(folder, 'P05.docx'), await Packer.toBuffer(docx));
    const { summary } = await importAndWait(session, { paths: [folder], kind: 'interview' });
    expect(summary.imported).toHaveLength(5);
    const docs = await invoke(session, 'documents.list', {});
    const dateOf = (title: string): string | null => docs.find((d) => d.title.startsWith(title))!.date;
    expect(dateOf('P01')).toBe('2019-03-12');
    expect(dateOf('P02')).toBe('2019-04-30');
    expect(dateOf('P03')).toBe('2018-01-05');
    expect(dateOf('P04')).toBeNull();
    expect(dateOf('P05')).toBe('2020-06-07');
  });
});
