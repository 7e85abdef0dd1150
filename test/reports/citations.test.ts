import { describe, expect, it } from 'vitest';
import {
  documentCitationLabel,
  formatCitationList,
  formatItemCitation,
  naturalCompare,
} from '../../shared/reports/citations';
import { buildEvidenceCode, sortEvidence } from '../../shared/reports/evidence';
import type { EvidenceItem } from '../../shared/reports/model';

const interview = (label: string) => ({ kind: 'interview' as const, label, year: null });

describe('citations in the paper style', () => {
  it('collapses numbered interview labels, de-duplicated and naturally sorted', () => {
    const list = ['Interview 26', 'Interview 2', 'Interview 9', 'interview 6', 'Interview 2'].map(interview);
    expect(formatCitationList(list)).toBe('interviews 2, 6, 9, 26');
  });

  it('uses the singular for one interview', () => {
    expect(formatCitationList([interview('Interview 4')])).toBe('interview 4');
  });

  it('lists documents by title and year after the interviews', () => {
    expect(
      formatCitationList([
        { kind: 'document', label: 'Strategy', year: null },
        { kind: 'document', label: 'Annual report', year: 2019 },
        interview('Interview 10'),
        { kind: 'document', label: 'Annual report', year: 2019 },
        { kind: 'document', label: 'Annual report', year: 2008 },
      ]),
    ).toBe('interview 10; Annual report (2008); Annual report (2019); Strategy');
  });

  it('keeps short labels as they are, naturally sorted', () => {
    expect(formatCitationList(['P10', 'P2', 'NGO-3'].map(interview))).toBe('NGO-3; P2; P10');
    expect(formatCitationList([])).toBe('');
  });

  it('formats one item and compares naturally', () => {
    expect(documentCitationLabel('Report', 2019)).toBe('Report (2019)');
    expect(formatItemCitation('Interview 2', 'Respondent', 4)).toBe('Interview 2, Respondent, p. 4');
    expect(formatItemCitation('Report (2019)', null, null)).toBe('Report (2019)');
    expect(['Interview 10', 'Interview 9', 'interview 1'].sort(naturalCompare)).toEqual([
      'interview 1',
      'Interview 9',
      'Interview 10',
    ]);
  });
});

function item(over: Partial<EvidenceItem> & { segmentId: number; documentId: number }): EvidenceItem {
  const label = over.participantLabel ?? over.documentTitle ?? 'Doc';
  return {
    codeId: 1,
    documentTitle: 'Doc',
    documentKind: 'interview',
    participantLabel: null,
    documentDate: null,
    year: null,
    startUtf16: 0,
    endUtf16: 5,
    text: 'quote',
    memo: '',
    coder: 'me',
    citation: { label, speaker: null, page: null },
    citationText: label,
    ...over,
  };
}

describe('evidence grouping and sorting', () => {
  const items = [
    item({
      segmentId: 1,
      documentId: 3,
      documentTitle: 'Transcript 10',
      participantLabel: 'Interview 10',
      documentDate: '2019-05',
      startUtf16: 50,
    }),
    item({
      segmentId: 2,
      documentId: 3,
      documentTitle: 'Transcript 10',
      participantLabel: 'Interview 10',
      documentDate: '2019-05',
      startUtf16: 10,
    }),
    item({
      segmentId: 3,
      documentId: 1,
      documentTitle: 'Transcript 9',
      participantLabel: 'Interview 9',
      documentDate: '2020',
    }),
    item({
      segmentId: 4,
      documentId: 2,
      documentTitle: 'Annual report',
      documentKind: 'document',
      year: 2018,
      documentDate: null,
    }),
  ];

  it('sorts by document title, by date (undated last) and by label', () => {
    expect(sortEvidence(items, 'document').map((i) => i.segmentId)).toEqual([4, 3, 2, 1]);
    expect(sortEvidence(items, 'date').map((i) => i.segmentId)).toEqual([2, 1, 3, 4]);
    expect(sortEvidence(items, 'label').map((i) => i.segmentId)).toEqual([4, 3, 2, 1]);
  });

  it('counts segments and documents and cites each document once', () => {
    const code = { codeId: 1, name: 'Trust', path: ['Trust'], color: '#112233', depth: 0 };
    const section = buildEvidenceCode(code, 'about trust', items, 'document');
    expect(section.segmentCount).toBe(4);
    expect(section.documentCount).toBe(3);
    expect(section.citations).toBe('interviews 9, 10; Annual report (2018)');
    expect(buildEvidenceCode(code, '', [], 'document')).toMatchObject({
      segmentCount: 0,
      documentCount: 0,
      citations: '',
      items: [],
    });
  });
});
