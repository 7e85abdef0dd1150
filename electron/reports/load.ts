// Reads what the reports count, with the segments indexes: per code through segments_code
// (code_id, document_id, start_utf16), never a scan of the whole table per code pair.
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { computeWaves } from '../../shared/sample/graph';
import type { CodeRow } from '../../shared/reports/codebook';
import type { CodeDocumentCount } from '../../shared/reports/counts';
import type { Span } from '../../shared/reports/cooccurrence';
import { attributeKey, type DocumentFacts } from '../../shared/reports/documents';
import { statement } from '../store/statements';

export function loadCodes(db: Database.Database): CodeRow[] {
  return statement(
    db,
    'SELECT id, parent_id AS parentId, name, color, description, position FROM codes',
  ).all() as CodeRow[];
}

export function loadCodeGroups(db: Database.Database): { id: number; name: string; codeIds: number[] }[] {
  const groups = statement(db, 'SELECT id, name FROM code_groups ORDER BY position, name').all() as {
    id: number;
    name: string;
  }[];
  const members = statement(
    db,
    'SELECT group_id AS groupId, code_id AS codeId FROM code_group_members',
  ).all() as {
    groupId: number;
    codeId: number;
  }[];
  return groups.map((g) => ({
    ...g,
    codeIds: members.filter((m) => m.groupId === g.id).map((m) => m.codeId),
  }));
}

export function loadNamed(
  db: Database.Database,
  table: 'document_groups' | 'participant_categories',
): Map<number, string> {
  const sql =
    table === 'document_groups'
      ? 'SELECT id, name FROM document_groups ORDER BY name'
      : 'SELECT id, name FROM participant_categories ORDER BY position, name';
  const rows = statement(db, sql).all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function findCoderId(db: Database.Database, name: string): number | undefined {
  const row = statement(db, 'SELECT id FROM coders WHERE name = ?').get(name) as { id: number } | undefined;
  return row?.id;
}

export function loadCoderNames(db: Database.Database): Map<number, string> {
  const rows = statement(db, 'SELECT id, name FROM coders ORDER BY name').all() as {
    id: number;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Waves from the referrals with the sample's own BFS (seeds are wave 0). */
export function loadWaves(db: Database.Database): Map<number, number> {
  const ids = (statement(db, 'SELECT id FROM participants').pluck().all() as number[]) ?? [];
  const edges = statement(
    db,
    'SELECT referrer_id AS referrerId, referred_id AS referredId FROM referrals',
  ).all() as {
    referrerId: number;
    referredId: number;
  }[];
  return computeWaves(ids, edges);
}

/** A participant as the document facts read it: the interview date stands in for an undated transcript's. */
interface ParticipantRow {
  id: number;
  label: string;
  categoryId: number | null;
  interviewDate: string | null;
  interviewYear: number | null;
  withdrawn: number;
}

export const DOCUMENT_DATES_SQL =
  "SELECT id, date, CAST(substr(date, 1, 4) AS INTEGER) FROM documents WHERE coalesce(date, '') <> ''";
export const DOCUMENT_PARTICIPANTS_SQL =
  'SELECT id, participant_id FROM documents WHERE participant_id IS NOT NULL';

/**
 * id, title, kind, date and participant of every document, in id order. Read in three passes because
 * the text column sits before date and participant_id: a row read that reaches them walks the text's
 * overflow pages (the whole corpus, ~160 ms at 10×), while title and kind lie before the text and
 * date and participant_id each have a covering index.
 */
function loadDocumentRows(db: Database.Database) {
  const rows = statement(db, 'SELECT id, title, kind FROM documents ORDER BY id').all() as {
    id: number;
    title: string;
    kind: DocumentFacts['kind'];
  }[];
  const dates = new Map(
    (statement(db, DOCUMENT_DATES_SQL).raw().all() as [number, string, number][]).map(
      ([id, date, year]) => [id, { date, year }] as const,
    ),
  );
  const participantOf = new Map(statement(db, DOCUMENT_PARTICIPANTS_SQL).raw().all() as [number, number][]);
  return { rows, dates, participantOf };
}

/**
 * Every document with what the filters look at (never the text). Attribute values are read only when
 * a condition needs them; waves only when asked.
 */
export function loadDocumentFacts(
  db: Database.Database,
  options: { attributes: boolean; waves: boolean },
): DocumentFacts[] {
  const { rows, dates, participantOf } = loadDocumentRows(db);
  const participants = new Map(
    (
      statement(
        db,
        `SELECT id, label, category_id AS categoryId, nullif(interview_date, '') AS interviewDate,
                CAST(substr(nullif(interview_date, ''), 1, 4) AS INTEGER) AS interviewYear,
                (status = 'withdrawn' OR withdrawn_at IS NOT NULL) AS withdrawn
           FROM participants`,
      ).all() as ParticipantRow[]
    ).map((p) => [p.id, p]),
  );
  const groups = new Map<number, number[]>();
  for (const m of statement(
    db,
    'SELECT group_id AS g, document_id AS d FROM document_group_members',
  ).all() as {
    g: number;
    d: number;
  }[]) {
    const list = groups.get(m.d);
    if (list) list.push(m.g);
    else groups.set(m.d, [m.g]);
  }
  const documentAttributes = new Map<number, Map<string, string>>();
  const participantAttributes = new Map<number, Map<string, string>>();
  if (options.attributes) {
    const add = (target: Map<number, Map<string, string>>, owner: number, key: string, value: string) => {
      const map = target.get(owner) ?? new Map<string, string>();
      map.set(key, value);
      target.set(owner, map);
    };
    for (const v of statement(
      db,
      `SELECT v.document_id AS owner, a.name, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id`,
    ).all() as { owner: number; name: string; value: string }[])
      add(documentAttributes, v.owner, attributeKey('document', v.name), v.value);
    for (const v of statement(
      db,
      `SELECT v.participant_id AS owner, a.name, v.value FROM participant_attribute_values v JOIN attributes a ON a.id = v.attribute_id`,
    ).all() as { owner: number; name: string; value: string }[])
      add(participantAttributes, v.owner, attributeKey('participant', v.name), v.value);
  }
  const waves = options.waves ? loadWaves(db) : new Map<number, number>();
  return rows.map((r) => {
    const participantId = participantOf.get(r.id) ?? null;
    const participant = participantId === null ? undefined : participants.get(participantId);
    // A transcript without its own date takes its participant's interview date: the date the words were
    // said, which is what counts over time and the timeline place it by.
    const dated = dates.get(r.id);
    const attributes = new Map<string, string>(documentAttributes.get(r.id) ?? []);
    if (participantId !== null)
      for (const [k, v] of participantAttributes.get(participantId) ?? []) attributes.set(k, v);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      date: dated ? dated.date : (participant?.interviewDate ?? null),
      year: dated ? dated.year : (participant?.interviewYear ?? null),
      participantId,
      participantLabel: participant?.label ?? null,
      categoryId: participant?.categoryId ?? null,
      withdrawn: participant?.withdrawn === 1,
      wave: participantId === null ? null : (waves.get(participantId) ?? null),
      groupIds: groups.get(r.id) ?? [],
      attributes,
    };
  });
}

/**
 * Segments per (code, document) of one code, in document order, from the counts the segments' triggers
 * keep (0170): counting the segments themselves read a million rows at 10× (0.2 s) on each report's
 * first run. With a coder filter the segments are counted (the table does not hold coders).
 */
export const CODE_DOCUMENT_COUNTS_SQL =
  'SELECT document_id, segments FROM code_document_counts WHERE code_id = ? AND segments > 0 ORDER BY document_id';
export const CODER_CODE_DOCUMENT_COUNTS_SQL =
  'SELECT document_id, count(*) FROM segments WHERE code_id = ? AND coder_id = ? GROUP BY document_id';

export function loadCodeDocumentCounts(
  db: Database.Database,
  codeIds: readonly number[],
  coderId: number | null,
): CodeDocumentCount[] {
  const out: CodeDocumentCount[] = [];
  const query = statement(
    db,
    coderId === null ? CODE_DOCUMENT_COUNTS_SQL : CODER_CODE_DOCUMENT_COUNTS_SQL,
  ).raw();
  for (const codeId of codeIds) {
    const rows = (coderId === null ? query.all(codeId) : query.all(codeId, coderId)) as [number, number][];
    for (const [documentId, segments] of rows) out.push({ codeId, documentId, segments });
  }
  return out;
}

export const SPANS_SQL =
  'SELECT id, document_id, start_utf16, end_utf16, coder_id FROM segments WHERE code_id = ?';

/** The spans of some codes in some documents, for the interval sweep. */
export function loadSpans(
  db: Database.Database,
  codeIds: readonly number[],
  documentIds: ReadonlySet<number>,
  coderId: number | null,
): Span[] {
  const query = statement(db, SPANS_SQL).raw();
  const out: Span[] = [];
  for (const codeId of codeIds) {
    // all() is markedly cheaper per row than iterate() in better-sqlite3.
    for (const row of query.all(codeId) as [number, number, number, number, number][]) {
      const documentId = row[1];
      if (!documentIds.has(documentId)) continue;
      if (coderId !== null && row[4] !== coderId) continue;
      out.push({ segmentId: row[0], documentId, codeId, startUtf16: row[2], endUtf16: row[3] });
    }
  }
  return out;
}

export interface EvidenceRow {
  segmentId: number;
  documentId: number;
  startUtf16: number;
  endUtf16: number;
  text: string;
  memo: string;
  coderId: number;
  speaker: string | null;
  page: number | null;
}

/** Turn and page are looked up per segment through turns_document and document_pages' key. */
const EVIDENCE_SELECT = `SELECT s.id AS segmentId, s.document_id AS documentId, s.start_utf16 AS startUtf16,
       s.end_utf16 AS endUtf16, s.text, s.memo, s.coder_id AS coderId,
       (SELECT t.speaker FROM turns t
         WHERE t.document_id = s.document_id AND t.start_utf16 <= s.start_utf16 AND t.end_utf16 > s.start_utf16
         ORDER BY t.start_utf16 DESC LIMIT 1) AS speaker,
       (SELECT p.page FROM document_pages p
         WHERE p.document_id = s.document_id AND p.start_utf16 <= s.start_utf16 AND p.end_utf16 > s.start_utf16
         ORDER BY p.page DESC LIMIT 1) AS page
  FROM segments s`;
export const EVIDENCE_SQL = `${EVIDENCE_SELECT} WHERE s.code_id = ?`;
export const EVIDENCE_BY_ID_SQL = `${EVIDENCE_SELECT} WHERE s.id = ?`;
/** One code's quotes in one document, as keys for cutting a page (covering segments_code_span). */
export const DOCUMENT_QUOTE_KEYS_SQL =
  'SELECT id, start_utf16, coder_id FROM segments WHERE code_id = ? AND document_id = ?';

export function loadEvidenceRows(
  db: Database.Database,
  codeId: number,
  documentIds: ReadonlySet<number>,
  coderId: number | null,
): EvidenceRow[] {
  const out: EvidenceRow[] = [];
  for (const row of statement(db, EVIDENCE_SQL).iterate(codeId) as IterableIterator<EvidenceRow>) {
    if (!documentIds.has(row.documentId)) continue;
    if (coderId !== null && row.coderId !== coderId) continue;
    out.push(row);
  }
  return out;
}

/** The rows of some segments by id (one page of a list), in the order given. */
export function loadEvidenceRowsById(db: Database.Database, segmentIds: readonly number[]): EvidenceRow[] {
  const query = statement(db, EVIDENCE_BY_ID_SQL);
  return segmentIds.map((segmentId) => {
    const row = query.get(segmentId) as EvidenceRow | undefined;
    if (!row) throw new PassageError('not_found', `evidence: segment ${segmentId} no longer exists`);
    return row;
  });
}
