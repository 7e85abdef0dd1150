import type Database from 'better-sqlite3';

/** Quotes of the seeded project, by code, in document order (what the appendix must show). */
export const QUOTES = {
  legitimacy2: 'The alliance must be seen as legitimate — ça compte 🙂.',
  legitimacy12: 'Legitimacy comes from consensus among all allies.',
  legitimacyNato: 'Allies reaffirmed the shared values of the alliance.',
  trust2: 'Trust between NGOs and soldiers was built slowly.',
  trust9: 'محمد and Ḥasan trusted the liaison officers.',
} as const;

const T0 = '2026-10-01T09:00:00.000Z';

/**
 * A small study written with SQL, so the export tests depend on the schema only: three interviews
 * (two categories), one policy document with pages, codes Legitimacy and Trust in the group "Level of
 * cooperation", Burden sharing outside it, speaker turns in Interview 2.
 */
export interface SeededCodes {
  legitimacy: number;
  trust: number;
  burden: number;
}

export function seedStudy(db: Database.Database): { codes: SeededCodes; groupId: number } {
  const run = (sql: string, params: Record<string, unknown> = {}) => db.prepare(sql).run(params);
  const id = (sql: string, params: Record<string, unknown> = {}) => Number(run(sql, params).lastInsertRowid);
  let codes: SeededCodes = { legitimacy: 0, trust: 0, burden: 0 };
  let groupId = 0;
  db.transaction(() => {
    const coder = id(`INSERT INTO coders (name, created_at) VALUES ('ana', :t)`, { t: T0 });
    const ngo = id(`INSERT INTO participant_categories (name, position) VALUES ('NGO', 0)`);
    const military = id(`INSERT INTO participant_categories (name, position) VALUES ('Military', 1)`);
    const participant = (label: string, category: number, date: string) =>
      id(
        `INSERT INTO participants (label, category_id, status, interview_date, interview_mode, created_at)
         VALUES (:label, :category, 'interviewed', :date, 'video', :t)`,
        { label, category, date, t: T0 },
      );
    const p2 = participant('Interview 2', ngo, '2016-03-01');
    const p9 = participant('Interview 9', ngo, '2016-05-02');
    const p12 = participant('Interview 12', military, '2017-01-20');
    const doc = (title: string, kind: string, text: string, date: string, participantId: number | null) =>
      id(
        `INSERT INTO documents (title, kind, file_name, format, content_hash, text, date, word_count, participant_id, imported_at)
         VALUES (:title, :kind, :file, 'txt', :hash, :text, :date, 10, :participantId, :t)`,
        { title, kind, file: `${title}.txt`, hash: title, text, date, participantId, t: T0 },
      );
    const text2 = `Interviewer: Tell me.\nRespondent: ${QUOTES.legitimacy2} ${QUOTES.trust2}`;
    const d2 = doc('Interview 2 transcript', 'interview', text2, '2016', p2);
    const text9 = `Notes. ${QUOTES.trust9}`;
    const d9 = doc('Interview 9 transcript', 'interview', text9, '2016', p9);
    const text12 = `Start. ${QUOTES.legitimacy12}`;
    const d12 = doc('Interview 12 transcript', 'interview', text12, '2017', p12);
    const textNato = `Page one.\n${QUOTES.legitimacyNato}`;
    const dNato = doc('NATO', 'document', textNato, '2016', null);
    run(`INSERT INTO document_pages VALUES (:d, 1, 0, 10), (:d, 2, 10, :end)`, {
      d: dNato,
      end: textNato.length,
    });
    const speakerAt = text2.indexOf('Respondent');
    run(
      `INSERT INTO turns (document_id, speaker, start_utf16, end_utf16) VALUES (:d, 'Interviewer', 0, :a), (:d, 'Respondent', :a, :b)`,
      {
        d: d2,
        a: speakerAt,
        b: text2.length,
      },
    );
    const code = (name: string, description: string, position: number) =>
      id(
        `INSERT INTO codes (name, color, description, position, created_at) VALUES (:name, '#336699', :description, :position, :t)`,
        {
          name,
          description,
          position,
          t: T0,
        },
      );
    codes = {
      legitimacy: code('Legitimacy', 'Whether the alliance is seen as rightful.', 0),
      trust: code('Trust', 'Confidence between actors.', 1),
      burden: code('Burden sharing', '', 2),
    };
    groupId = id(`INSERT INTO code_groups (name, position) VALUES ('Level of cooperation', 0)`);
    run(`INSERT INTO code_group_members VALUES (:g, :a), (:g, :b)`, {
      g: groupId,
      a: codes.legitimacy,
      b: codes.trust,
    });
    const segment = (documentId: number, text: string, quote: string, codeId: number, memo = '') => {
      const start = text.indexOf(quote);
      run(
        `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at)
         VALUES (:documentId, :codeId, :start, :end, :quote, :memo, :coder, :t, :t)`,
        { documentId, codeId, start, end: start + quote.length, quote, memo, coder, t: T0 },
      );
    };
    segment(d2, text2, QUOTES.legitimacy2, codes.legitimacy, 'Strong statement.');
    segment(d12, text12, QUOTES.legitimacy12, codes.legitimacy);
    segment(dNato, textNato, QUOTES.legitimacyNato, codes.legitimacy);
    segment(d2, text2, QUOTES.trust2, codes.trust);
    segment(d9, text9, QUOTES.trust9, codes.trust);
    // Burden sharing overlaps the Legitimacy quote in Interview 2: one co-occurrence.
    segment(d2, text2, QUOTES.legitimacy2, codes.burden);
  })();
  return { codes, groupId };
}
