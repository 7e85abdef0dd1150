import type { ExportDocument } from '../../../shared/export/document';
import type { EvidenceCode, EvidenceItem } from '../../../shared/reports/model';

let nextSegment = 1;

export function item(text: string, label: string, extra: Partial<EvidenceItem> = {}): EvidenceItem {
  const speaker = extra.citation?.speaker ?? null;
  const page = extra.citation?.page ?? null;
  return {
    segmentId: nextSegment++,
    codeId: 1,
    documentId: 1,
    documentTitle: label,
    documentKind: 'interview',
    participantLabel: label.startsWith('Interview') ? label : null,
    documentDate: '2016',
    year: 2016,
    startUtf16: 0,
    endUtf16: text.length,
    text,
    memo: '',
    coder: 'ana',
    citation: { label, speaker, page },
    citationText: [label, speaker, page === null ? null : `p. ${page}`].filter(Boolean).join(', '),
    ...extra,
  };
}

export function code(name: string, items: EvidenceItem[], extra: Partial<EvidenceCode> = {}): EvidenceCode {
  const docs = new Set(items.map((i) => i.citation.label));
  return {
    code: { codeId: 1, name, path: [name], color: '#336699', depth: 0 },
    description: '',
    segmentCount: items.length,
    documentCount: docs.size,
    citations: [...docs].join(', '),
    items,
    ...extra,
  };
}

/** A small appendix with Unicode, memos, a grouped table and a wide table. */
export function sampleDocument(): ExportDocument {
  return {
    title: 'Appendix B: Coded evidence',
    projectName: 'NATO study',
    methodNote: 'Quotes were coded by two coders and are given verbatim.',
    includeMemos: true,
    modified: '2026-11-01T10:00:00.000Z',
    blocks: [
      {
        kind: 'evidence',
        groups: [
          {
            heading: 'Level of cooperation',
            codes: [
              code(
                'Legitimacy',
                [
                  item('The alliance must be seen as legitimate by its members.', 'Interview 12', {
                    memo: 'Key claim about legitimacy.',
                  }),
                  item('Ça dépend — trust matters 🙂 as Ḥasan said.', 'Interview 2', {
                    citation: { label: 'Interview 2', speaker: 'Respondent', page: null },
                    citationText: 'Interview 2, Respondent',
                  }),
                  item('Allies shared the burden.', 'NATO 2016b', {
                    documentKind: 'document',
                    citation: { label: 'NATO 2016b', speaker: null, page: 4 },
                    citationText: 'NATO 2016b, p. 4',
                  }),
                ],
                {
                  description: 'Statements on whether the alliance is seen as rightful.',
                  citations: 'interviews 2, 12; NATO 2016b',
                },
              ),
              code('Trust', [item('محمد said that trust was earned over years.', 'Interview 9')], {
                citations: 'interview 9',
              }),
            ],
          },
        ],
      },
      {
        kind: 'table',
        section: 'cooccurrence',
        heading: 'Co-occurrence of codes',
        caption: 'Table 1. Codes co-occurring with Legitimacy',
        table: {
          columns: [{ label: 'Code' }, { label: 'Legitimacy', n: 45, numeric: true }],
          rowGroups: [
            { caption: 'Level of cooperation', rows: [['Trust (N = 12)', '7']] },
            { caption: 'Other codes', rows: [['Burden sharing (N = 3)', '2']] },
          ],
          note: 'Cells count documents coded with both codes.',
        },
      },
      {
        kind: 'table',
        section: 'timeline',
        heading: 'Coded segments over time',
        caption: 'Table 2. Coded segments per year',
        table: {
          columns: [
            { label: 'Code' },
            ...[2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021].map((y) => ({
              label: String(y),
              numeric: true,
            })),
            { label: 'Total', numeric: true },
          ],
          rowGroups: [
            { caption: null, rows: [['Legitimacy', '1', '2', '3', '4', '5', '6', '7', '8', '36']] },
          ],
        },
      },
    ],
  };
}
