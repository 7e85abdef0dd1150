/**
 * Inter-coder agreement on the open project: chooses the documents and codes, streams each compared
 * document's text, turns and the compared coders' spans into the pure computation (shared/team).
 *
 *   agreementReport(db, scope): AgreementReport
 *   listDisagreements(db, scope, page): Disagreements
 */
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type { AgreementReport, Disagreement, Disagreements } from '../../shared/api/team';
import { codePath } from '../../shared/coding/tree';
import {
  AGREEMENT_DEFINITIONS,
  computeAgreement,
  documentDisagreements,
  UNIT_DEFINITIONS,
} from '../../shared/team/agreement';
import type { AgreementDocument, CoderSpan } from '../../shared/team/tally';
import type { AgreementUnit } from '../../shared/team/units';
import { findCoderId } from '../store/coders';
import { statement } from '../store/statements';

export interface AgreementScope {
  coders: string[];
  codeIds?: number[] | undefined;
  unit: AgreementUnit;
  documentGroupId?: number | undefined;
}

interface CodeRow {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  position: number;
}

interface Resolved {
  coderIds: number[];
  coderNames: string[];
  documentIds: number[];
  codeIds: number[];
  codes: Map<number, CodeRow>;
  allCodes: CodeRow[];
}

function resolveScope(db: Database.Database, scope: AgreementScope): Resolved {
  const coderIds = scope.coders.map((name) => {
    const found = findCoderId(db, name);
    if (found === undefined)
      throw new PassageError('not_found', `agreement: there is no coder named "${name}"`);
    return found;
  });
  const coderNames = coderIds.map(
    (id) => (statement(db, 'SELECT name FROM coders WHERE id = @id').get({ id }) as { name: string }).name,
  );
  const ids = JSON.stringify(coderIds);
  let documentIds: number[];
  if (scope.documentGroupId !== undefined) {
    const group = statement(db, 'SELECT id FROM document_groups WHERE id = @id').get({
      id: scope.documentGroupId,
    });
    if (!group)
      throw new PassageError(
        'not_found',
        `agreement: there is no document group with id ${scope.documentGroupId}`,
      );
    documentIds = (
      statement(
        db,
        'SELECT document_id AS id FROM document_group_members WHERE group_id = @group ORDER BY document_id',
      ).all({ group: scope.documentGroupId }) as { id: number }[]
    ).map((r) => r.id);
  } else {
    documentIds = (
      statement(
        db,
        `SELECT document_id AS id FROM segments
         WHERE coder_id IN (SELECT value FROM json_each(@ids))
         GROUP BY document_id HAVING count(DISTINCT coder_id) = json_array_length(@ids)
         ORDER BY document_id`,
      ).all({ ids }) as { id: number }[]
    ).map((r) => r.id);
  }
  const allCodes = statement(
    db,
    'SELECT id, parent_id AS parentId, name, color, position FROM codes',
  ).all() as CodeRow[];
  const codes = new Map(allCodes.map((c) => [c.id, c]));
  let codeIds: number[];
  if (scope.codeIds) {
    for (const id of scope.codeIds)
      if (!codes.has(id)) throw new PassageError('not_found', `agreement: there is no code with id ${id}`);
    codeIds = [...new Set(scope.codeIds)];
  } else {
    codeIds = (
      statement(
        db,
        `SELECT DISTINCT code_id AS id FROM segments
         WHERE coder_id IN (SELECT value FROM json_each(@ids))
           AND document_id IN (SELECT value FROM json_each(@docs))`,
      ).all({ ids, docs: JSON.stringify(documentIds) }) as { id: number }[]
    ).map((r) => r.id);
    const paths = new Map(codeIds.map((id) => [id, codePath(allCodes, id)]));
    codeIds.sort((a, b) => paths.get(a)!.localeCompare(paths.get(b)!));
  }
  return { coderIds, coderNames, documentIds, codeIds, codes, allCodes };
}

/** The compared coders' spans of the compared codes, by document: one read of the covering index. */
function spansByDocument(db: Database.Database, r: Resolved, only?: number): Map<number, CoderSpan[]> {
  const coderIndex = new Map(r.coderIds.map((id, i) => [id, i]));
  const wanted = new Set(r.codeIds);
  // Rows as arrays, not objects: 100,000 spans make 100,000 objects fewer (a third of the read).
  // Only the compared documents, each a search of the covering index: reading every span of the two
  // coders took as long as the project was large (4× longer on the 10× study than on its interviews).
  const rows = statement(
    db,
    `SELECT document_id, code_id, coder_id, start_utf16, end_utf16
     FROM segments WHERE document_id IN (SELECT value FROM json_each(@docs))
       AND coder_id IN (SELECT value FROM json_each(@ids))`,
  )
    .raw(true)
    .all({
      ids: JSON.stringify(r.coderIds),
      docs: JSON.stringify(only === undefined ? r.documentIds : [only]),
    }) as [number, number, number, number, number][];
  const byDocument = new Map<number, CoderSpan[]>();
  for (const [documentId, codeId, coderId, startUtf16, endUtf16] of rows) {
    if (!wanted.has(codeId)) continue;
    let list = byDocument.get(documentId);
    if (!list) byDocument.set(documentId, (list = []));
    list.push({ codeId, coder: coderIndex.get(coderId)!, startUtf16, endUtf16 });
  }
  return byDocument;
}

/** One document at a time (texts are the bulk): its text, turns and the compared coders' spans. */
function* compareDocuments(
  db: Database.Database,
  r: Resolved,
  only?: number,
): Generator<AgreementDocument & { title: string }> {
  const spans = spansByDocument(db, r, only);
  for (const id of r.documentIds) {
    if (only !== undefined && id !== only) continue;
    const doc = statement(db, 'SELECT title, text FROM documents WHERE id = @id').get({ id }) as
      { title: string; text: string } | undefined;
    if (!doc) continue;
    const turns = statement(
      db,
      'SELECT start_utf16 AS start, end_utf16 AS end FROM turns WHERE document_id = @id ORDER BY start_utf16',
    ).all({ id }) as { start: number; end: number }[];
    yield { id, title: doc.title, text: doc.text, turns, spans: spans.get(id) ?? [] };
  }
}

export function agreementReport(db: Database.Database, scope: AgreementScope): AgreementReport {
  const r = resolveScope(db, scope);
  const result = computeAgreement({
    unit: scope.unit,
    coders: r.coderIds.length,
    codeIds: r.codeIds,
    documents: compareDocuments(db, r),
  });
  return {
    unit: scope.unit,
    coders: r.coderNames,
    documentCount: result.documentCount,
    documentIds: r.documentIds,
    codes: result.codes.map(({ codeId, ...measures }) => {
      const code = r.codes.get(codeId)!;
      return {
        codeId,
        code: { name: code.name, path: codePath(r.allCodes, codeId), color: code.color },
        ...measures,
      };
    }),
    overall: result.overall,
    definitions: [`Units: ${UNIT_DEFINITIONS[scope.unit]}.`, ...AGREEMENT_DEFINITIONS],
  };
}

const SNIPPET = 300;

export function listDisagreements(
  db: Database.Database,
  scope: AgreementScope & { documentId?: number | undefined },
  page: { limit: number; offset: number },
): Disagreements {
  const r = resolveScope(db, scope);
  const items: Disagreement[] = [];
  let total = 0;
  for (const doc of compareDocuments(db, r, scope.documentId)) {
    for (const d of documentDisagreements(doc, scope.unit, r.coderIds.length, r.codeIds)) {
      total++;
      if (total <= page.offset || items.length >= page.limit) continue;
      const text = doc.text.slice(d.startUtf16, d.endUtf16);
      items.push({
        documentId: doc.id,
        documentTitle: doc.title,
        codeId: d.codeId,
        codeName: r.codes.get(d.codeId)!.name,
        startUtf16: d.startUtf16,
        endUtf16: d.endUtf16,
        text: text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text,
        appliedBy: r.coderNames.filter((_n, i) => d.appliedMask & (1 << i)),
        notAppliedBy: r.coderNames.filter((_n, i) => !(d.appliedMask & (1 << i))),
      });
    }
  }
  return { total, items };
}
