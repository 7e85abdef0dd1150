import { describe, expect, it } from 'vitest';
import { pagedEvidenceReport } from '../../electron/reports/reports';
import {
  citationOrder,
  documentCitationLabel,
  formatCitationList,
  type CitationSource,
} from '../../shared/reports/citations';
import { generatedProject } from './generatedProject';

const WORDS = ['Report', 'report', 'Rapport', 'Élan', 'elan', 'NGO-3', 'P2', 'Minutes', 'minutes 10', 'Zeta'];

/** Labels a study really has: case and accent twins, numbers with and without zeros, numbered interviews. */
function sources(count: number, seed: number): CitationSource[] {
  let a = seed;
  const next = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, i): CitationSource => {
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    const number = Math.floor(next() * 120);
    if (i % 3 === 0)
      return {
        kind: 'interview',
        label: `${next() < 0.5 ? 'Interview' : 'interview'} ${number}`,
        year: null,
      };
    if (i % 7 === 0) return { kind: 'interview', label: `${word} ${number}`, year: 2010 };
    return {
      kind: 'document',
      label: `${word} ${next() < 0.3 ? '0' : ''}${number}`,
      year: next() < 0.5 ? null : 2000 + (number % 20),
    };
  });
}

describe('citations sorted once for all codes', () => {
  it('cites every subset exactly as the collator sort does', () => {
    const all = sources(600, 42);
    const compare = citationOrder(all);
    for (let s = 0; s < 40; s++) {
      const subset = all.filter((_, i) => (i * 31 + s * 17) % (2 + (s % 5)) === 0);
      expect(formatCitationList(subset, compare)).toBe(formatCitationList(subset));
    }
    // Labels it was not built from still sort by the collator.
    const strangers = [...sources(50, 7), ...all.slice(0, 50)];
    expect(formatCitationList(strangers, compare)).toBe(formatCitationList(strangers));
  });

  it("gives each code of the evidence report the citations of its documents' labels", async () => {
    const { db, study } = await generatedProject({
      documents: 90,
      codes: 5,
      segments: 1500,
      bigCodeSegments: 400,
      seed: 11,
    });
    // Titles that sort differently by code unit and by the collator, twins by case among them.
    const rename = db.prepare('UPDATE documents SET title = ? WHERE id = ?');
    study.documentIds.forEach((id, i) => rename.run(`${WORDS[i % WORDS.length]} ${i % 13}`, id));
    const report = pagedEvidenceReport(db, {}, 'document', 20);
    const documentsOf = db.prepare(
      `SELECT DISTINCT d.id, d.title, d.kind, p.label, CAST(substr(d.date, 1, 4) AS INTEGER) AS year
       FROM segments s JOIN documents d ON d.id = s.document_id LEFT JOIN participants p ON p.id = d.participant_id
       WHERE s.code_id = ? ORDER BY d.id`,
    );
    for (const section of report.codes) {
      const rows = documentsOf.all(section.code.codeId) as {
        title: string;
        kind: string;
        label: string | null;
        year: number | null;
      }[];
      const expected = formatCitationList(
        rows.map((r) =>
          r.label !== null
            ? { kind: 'interview', label: r.label, year: r.year }
            : { kind: 'document', label: r.title, year: r.year },
        ),
      );
      expect(section.citations).toBe(expected);
      expect(section.citations?.length ?? 0).toBeGreaterThan(0);
    }
    expect(documentCitationLabel('Report 1', 2004)).toBe('Report 1 (2004)');
  });
});
