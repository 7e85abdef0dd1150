import type Database from 'better-sqlite3';

const NOW = '2026-01-01T00:00:00.000Z';

/** Plain SQL inserts of a small hand-made study (the reports' own tests do not depend on other stores). */
export class StudyBuilder {
  constructor(readonly db: Database.Database) {}

  coder(name: string): number {
    this.db.prepare('INSERT OR IGNORE INTO coders (name, created_at) VALUES (?, ?)').run(name, NOW);
    return (this.db.prepare('SELECT id FROM coders WHERE name = ?').get(name) as { id: number }).id;
  }
  category(name: string): number {
    return Number(
      this.db.prepare('INSERT INTO participant_categories (name) VALUES (?)').run(name).lastInsertRowid,
    );
  }
  participant(
    label: string,
    categoryId: number | null,
    status = 'interviewed',
    withdrawnAt: string | null = null,
  ): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO participants (label, category_id, status, withdrawn_at, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(label, categoryId, status, withdrawnAt, NOW).lastInsertRowid,
    );
  }
  referral(referrerId: number, referredId: number): void {
    this.db
      .prepare('INSERT INTO referrals (referrer_id, referred_id, created_at) VALUES (?, ?, ?)')
      .run(referrerId, referredId, NOW);
  }
  document(
    title: string,
    kind: 'interview' | 'document',
    date: string | null,
    participantId: number | null,
    text = 'x'.repeat(400),
  ): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO documents (title, kind, file_name, format, content_hash, text, date, word_count, participant_id, imported_at)
           VALUES (?, ?, ?, 'txt', ?, ?, ?, 1, ?, ?)`,
        )
        .run(title, kind, `${title}.txt`, `hash-${title}`, text, date, participantId, NOW).lastInsertRowid,
    );
  }
  documentGroup(name: string, documentIds: number[]): number {
    const id = Number(
      this.db.prepare('INSERT INTO document_groups (name, created_at) VALUES (?, ?)').run(name, NOW)
        .lastInsertRowid,
    );
    for (const d of documentIds)
      this.db.prepare('INSERT INTO document_group_members (group_id, document_id) VALUES (?, ?)').run(id, d);
    return id;
  }
  code(name: string, parentId: number | null = null, position = 0, description = ''): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO codes (parent_id, name, color, description, position, created_at) VALUES (?, ?, '#336699', ?, ?, ?)`,
        )
        .run(parentId, name, description, position, NOW).lastInsertRowid,
    );
  }
  codeGroup(name: string, codeIds: number[], position = 0): number {
    const id = Number(
      this.db.prepare('INSERT INTO code_groups (name, position) VALUES (?, ?)').run(name, position)
        .lastInsertRowid,
    );
    for (const c of codeIds)
      this.db.prepare('INSERT INTO code_group_members (group_id, code_id) VALUES (?, ?)').run(id, c);
    return id;
  }
  segment(
    documentId: number,
    codeId: number,
    start: number,
    end: number,
    coderId: number,
    memo = '',
  ): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(documentId, codeId, start, end, `quote ${documentId}:${start}-${end}`, memo, coderId, NOW, NOW)
        .lastInsertRowid,
    );
  }
  turn(documentId: number, speaker: string, start: number, end: number): void {
    this.db
      .prepare('INSERT INTO turns (document_id, speaker, start_utf16, end_utf16) VALUES (?, ?, ?, ?)')
      .run(documentId, speaker, start, end);
  }
  page(documentId: number, page: number, start: number, end: number): void {
    this.db
      .prepare('INSERT INTO document_pages (document_id, page, start_utf16, end_utf16) VALUES (?, ?, ?, ?)')
      .run(documentId, page, start, end);
  }
}

/**
 * The study every backend report test uses, with expected answers worked out in the tests:
 *
 * D1 2015 interview "Interview 2" (NGO rep, seed):   L [0,50) tester · E [40,60) tester · F [100,120) ann
 * D2 2016 interview "Interview 6" (NGO rep, wave 1): L [0,10) tester · L [20,30) ann · E [30,40) tester (touches L)
 * D3 2016 interview "Interview 9" (Staff, WITHDRAWN): L [0,10) · E [0,10)
 * D4 2018 document "Annual report" (no participant): E [5,15) · F [0,100) (E inside F); pages 1 [0,10), 2 [10,400)
 * D5 2018 interview "Interview 26" (Staff, wave 2):  F [0,10)
 * Groups: NGOs = {D1, D2, D3}; Empty = {}. Codes: Legitimacy (L), Effectiveness (E), Cooperation › Formal (F).
 * Code group "Level of cooperation" = {Cooperation, Formal}. D1 turns: Respondent [0,80), Interviewer [80,400).
 */
export function buildStudy(db: Database.Database) {
  const b = new StudyBuilder(db);
  const tester = b.coder('tester');
  const ann = b.coder('ann');
  const ngo = b.category('NGO representative');
  const staff = b.category('Staff');
  const p1 = b.participant('Interview 2', ngo);
  const p2 = b.participant('Interview 6', ngo);
  const p3 = b.participant('Interview 9', staff, 'withdrawn', '2020-01-01');
  const p4 = b.participant('Interview 26', staff);
  b.referral(p1, p2);
  b.referral(p2, p4);
  const d1 = b.document('Transcript A', 'interview', '2015-03-01', p1);
  const d2 = b.document('Transcript B', 'interview', '2016', p2);
  const d3 = b.document('Transcript C', 'interview', '2016-07', p3);
  const d4 = b.document('Annual report', 'document', '2018', null);
  const d5 = b.document('Transcript D', 'interview', '2018-02-02', p4);
  const ngos = b.documentGroup('NGOs', [d1, d2, d3]);
  const empty = b.documentGroup('Empty', []);
  const L = b.code('Legitimacy', null, 0, 'Claims of legitimacy');
  const E = b.code('Effectiveness', null, 1);
  const coop = b.code('Cooperation', null, 2);
  const F = b.code('Formal', coop, 0);
  const level = b.codeGroup('Level of cooperation', [coop, F]);
  b.segment(d1, L, 0, 50, tester, 'a memo');
  b.segment(d1, E, 40, 60, tester);
  b.segment(d1, F, 100, 120, ann);
  b.segment(d2, L, 0, 10, tester);
  b.segment(d2, L, 20, 30, ann);
  b.segment(d2, E, 30, 40, tester);
  b.segment(d3, L, 0, 10, tester);
  b.segment(d3, E, 0, 10, tester);
  b.segment(d4, E, 5, 15, tester);
  b.segment(d4, F, 0, 100, tester);
  b.segment(d5, F, 0, 10, tester);
  b.turn(d1, 'Respondent', 0, 80);
  b.turn(d1, 'Interviewer', 80, 400);
  b.page(d4, 1, 0, 10);
  b.page(d4, 2, 10, 400);
  return { d1, d2, d3, d4, d5, ngos, empty, L, E, coop, F, level, ngo, staff, tester, ann };
}
