// Paging cuts the evidence list by document rank, start and id; this checks that order is exactly the
// one sortEvidence gives the full items, on seeded random lists with look-alike titles and dates.
import { describe, expect, it } from 'vitest';
import { documentCitationLabel } from '../../shared/reports/citations';
import { sortEvidence } from '../../shared/reports/evidence';
import { orderEvidence, planEvidencePage, rankDocuments } from '../../shared/reports/evidenceOrder';
import type { EvidenceItem } from '../../shared/reports/model';
import { seededRandom } from '../../shared/seededRandom';

const TITLES = [
  'Interview 2',
  'interview 10',
  'Interview 02',
  'Annual report',
  'annual Report',
  'Ärzte',
  'Zoo',
  '',
];
const DATES = [null, '2019', '2019-05', '2018-12-01', '2019-05-02'];
const LABELS = [null, 'Interview 2', 'P3', 'interview 2'];

function randomItems(seed: number): EvidenceItem[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const documents = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) => {
    const date = pick(DATES);
    return {
      id: 10 + i * 7,
      title: pick(TITLES),
      date,
      year: date === null ? null : Number(date.slice(0, 4)),
      participantLabel: pick(LABELS),
    };
  });
  return Array.from({ length: Math.floor(next() * 80) }, (_, i) => {
    const d = pick(documents);
    const start = Math.floor(next() * 20); // repeated starts: the segment id must decide
    const label = d.participantLabel ?? documentCitationLabel(d.title, d.year);
    return {
      segmentId: 1000 - i * 3,
      codeId: 1,
      documentId: d.id,
      documentTitle: d.title,
      documentKind: 'interview',
      participantLabel: d.participantLabel,
      documentDate: d.date,
      year: d.year,
      startUtf16: start,
      endUtf16: start + 5,
      text: 'q',
      memo: '',
      coder: 'ana',
      citation: { label, speaker: null, page: null },
      citationText: label,
    };
  });
}

describe('evidence order by document rank', () => {
  it('is the order sortEvidence gives, for every sort, on 300 random lists', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const items = randomItems(seed);
      const documents = [...new Map(items.map((i) => [i.documentId, i])).values()].map((i) => ({
        id: i.documentId,
        title: i.documentTitle,
        date: i.documentDate,
        label: i.citation.label,
      }));
      for (const sort of ['document', 'date', 'label'] as const) {
        const expected = sortEvidence(items, sort).map((i) => i.segmentId);
        const ordered = orderEvidence(items, rankDocuments(documents, sort)).map((i) => i.segmentId);
        expect(ordered, `seed ${seed}, ${sort}`).toEqual(expected);
      }
    }
  });
});

describe('a page planned from quotes per document', () => {
  it('covers exactly its stretch of the whole list, for every page size and offset', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = seededRandom(seed);
      const counts = new Map<number, number>();
      for (let d = 0; d < Math.floor(next() * 15); d++) counts.set(3 + d * 4, 1 + Math.floor(next() * 9));
      const rank = new Map([...counts.keys()].map((id) => [id, Math.floor(next() * 5)] as const));
      // The whole list as (document, position) in rank order, ties by document id.
      const whole = [...counts.keys()]
        .sort((a, b) => rank.get(a)! - rank.get(b)! || a - b)
        .flatMap((d) => Array.from({ length: counts.get(d)! }, (_, i) => `${d}:${i}`));
      const pageSize = 1 + Math.floor(next() * 12);
      const joined: string[] = [];
      for (let offset = 0; offset < whole.length + pageSize; offset += pageSize) {
        const page = planEvidencePage(counts, rank, offset, pageSize).flatMap((s) =>
          Array.from({ length: s.take }, (_, i) => `${s.documentId}:${s.skip + i}`),
        );
        expect(page, `seed ${seed}, offset ${offset}`).toEqual(whole.slice(offset, offset + pageSize));
        joined.push(...page);
      }
      expect(joined).toEqual(whole);
    }
  });
});
