import { describe, expect, it } from 'vitest';
import { coerceAttributeValue, inferAttributeType } from '../../shared/text/attributeValues';
import { planCsvAttributes } from '../../shared/text/csvAttributes';
import { dateFromFileName, dateFromMetadata, titleFromFileName } from '../../shared/text/fileNames';
import { isBlank, normaliseText } from '../../shared/text/normalise';
import { joinPdfLines } from '../../shared/text/pdfLines';
import { detectSpeakerTurns, speakersOf } from '../../shared/text/speakerTurns';
import { countWords } from '../../shared/text/wordCount';

const turnsOf = (text: string): [string, string][] =>
  detectSpeakerTurns(text).map((t) => [t.speaker, text.slice(t.startUtf16, t.endUtf16)]);

describe('shared/text', () => {
  it('normalises to NFC and \\n once, dropping a BOM, NULs and trailing blank lines', () => {
    expect(normaliseText('\ufeffa\r\nb\rc\u2028d\0e\n\n  ')).toBe('a\nb\nc\nde');
    expect(normaliseText('Cafe\u0301')).toBe('Café');
    expect(normaliseText('Café')).toHaveLength(4);
    expect(isBlank(' \n\t')).toBe(true);
    expect(isBlank(' x ')).toBe(false);
  });

  it('counts words the way a word processor does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords("Don't stop — non-governmental organisations, 2016!")).toBe(5);
    expect(countWords('Genève  est   belle.')).toBe(3);
    expect(countWords('شكرا جزيلا')).toBe(2);
  });

  it('detects Interviewer/Respondent, Q/A, I/R and repeated names, with exact offsets', () => {
    const text =
      'Transcript 4, May 2019\n\nInterviewer: How did it start?\nRespondent: Slowly.\n  It grew.\n\nInterviewer: Why?';
    expect(turnsOf(text)).toEqual([
      ['Interviewer', 'Interviewer: How did it start?'],
      ['Respondent', 'Respondent: Slowly.\n  It grew.'],
      ['Interviewer', 'Interviewer: Why?'],
    ]);
    const first = detectSpeakerTurns(text)[0]!;
    expect(first.startUtf16).toBe(24);
    expect(first.endUtf16).toBe(24 + 'Interviewer: How did it start?'.length);
    expect(turnsOf('Q: One?\nA: Two.')).toEqual([
      ['Q', 'Q: One?'],
      ['A', 'A: Two.'],
    ]);
    expect(turnsOf('I: hi\nR: hello')).toEqual([
      ['I', 'I: hi'],
      ['R', 'R: hello'],
    ]);
    expect(
      speakersOf(detectSpeakerTurns('Maria Lopez: a\nDr. Smith: b\nMaria Lopez: c\nDr. Smith: d')),
    ).toEqual(['Maria Lopez', 'Dr. Smith']);
  });

  it('does not take ordinary "Word: text" lines for speakers', () => {
    expect(detectSpeakerTurns('Note: the meeting was short.\nSource: UN.\nBudget: 2m')).toEqual([]);
    expect(detectSpeakerTurns('Time 10:30 was fine.\nhttp://example.org: nope')).toEqual([]);
  });

  it('parses dates and titles from file names', () => {
    expect(dateFromFileName('Interview_2019-05-12.docx')).toBe('2019-05-12');
    expect(dateFromFileName('report 2019_05.pdf')).toBe('2019-05');
    expect(dateFromFileName('20160708 communique.pdf')).toBe('2016-07-08');
    expect(dateFromFileName('Speech 8 July 2016.txt')).toBe('2016-07-08');
    expect(dateFromFileName('Speech Sept 2016.txt')).toBe('2016-09');
    expect(dateFromFileName('NATO summit 2016.html')).toBe('2016');
    expect(dateFromFileName('case 123456.txt')).toBeNull();
    expect(dateFromFileName('interview 3.txt')).toBeNull();
    expect(dateFromFileName('2019-13-40 x.txt')).toBe('2019');
    expect(dateFromMetadata('2021-03-04T10:00:00Z')).toBe('2021-03-04');
    expect(dateFromMetadata('garbage')).toBeNull();
    expect(titleFromFileName('folder/Interview_03  final.docx')).toBe('Interview 03 final');
    expect(titleFromFileName('.hidden')).toBe('.hidden');
  });

  it('types attribute values and infers CSV column types', () => {
    expect(coerceAttributeValue('number', ' 12.5 ')).toEqual({ ok: true, value: 12.5 });
    expect(coerceAttributeValue('number', '12,5')).toEqual({ ok: false, reason: '12,5 is not a number' });
    expect(coerceAttributeValue('boolean', 'Yes')).toEqual({ ok: true, value: true });
    expect(coerceAttributeValue('date', '2019-02')).toEqual({ ok: true, value: '2019-02' });
    expect(coerceAttributeValue('date', '02/2019').ok).toBe(false);
    expect(inferAttributeType(['1', '2.5', ''])).toBe('number');
    expect(inferAttributeType(['2019-01-02', '2020'])).toBe('date');
    expect(inferAttributeType(['yes', 'no'])).toBe('boolean');
    expect(inferAttributeType(['NGO', '3'])).toBe('text');
  });

  it('maps CSV rows to documents by file name or title', () => {
    const docs = [
      { id: 1, fileName: 'Interview 1.docx', title: 'Maria' },
      { id: 2, fileName: 'b.txt', title: 'Second one' },
    ];
    const plan = planCsvAttributes(
      [
        ['file', 'sector', 'age'],
        ['interview 1.DOCX', 'NGO', '34'],
        ['Second one', 'State', ''],
        ['b', '', '51'],
        ['nobody.txt', 'x', '1'],
      ],
      docs,
    );
    expect(plan.matched).toBe(3);
    expect(plan.unmatched).toEqual(['nobody.txt']);
    expect(plan.columns).toEqual([
      { name: 'sector', inferredType: 'text' },
      { name: 'age', inferredType: 'number' },
    ]);
    expect(plan.values.map((v) => [v.documentId, v.name, v.cell])).toEqual([
      [1, 'sector', 'NGO'],
      [1, 'age', '34'],
      [2, 'sector', 'State'],
      [2, 'age', '51'],
    ]);
    expect(() => planCsvAttributes([['only']], docs)).toThrow(/header row/);
    expect(() => planCsvAttributes([['k', 'a', 'A']], docs)).toThrow(/appears twice/);
  });

  it('joins PDF lines into paragraphs and hyphenated words', () => {
    const line = (text: string, y: number) => ({ text, y, height: 12 });
    expect(
      joinPdfLines([
        line('The protec-', 700),
        line('tion of Franco-', 686),
        line('German staff.', 672),
        line('New para.', 640),
      ]),
    ).toBe('The protection of Franco-German staff.\n\nNew para.');
  });
});
