/**
 * A Passage project's rows → RefiProject (code-point offsets, the rows' own GUIDs, so repeated exports
 * name everything the same) and the documents' texts, plus what REFI-QDA cannot carry. Participants
 * leave as cases with their labels and attributes only: nothing from the identity key or their notes.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type {
  RefiCode,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSet,
  RefiSource,
  RefiVariable,
  RefiVariableValue,
} from '../../shared/exchange/model';
import { utf16ToCodePoints } from '../../shared/offsets';
import { projectGuid } from '../store/projectIdentity';

export const ORIGIN = 'Passage 0.1.0';
export const CARRY_NOTE_TITLE = 'Passage data REFI-QDA cannot carry';

/** A stable GUID derived from another (the selection of a segment): same input, same GUID, every export. */
const SURROGATE = /[\ud800-\udfff]/;

export function derivedGuid(guid: string, purpose: string): string {
  const hex = crypto.createHash('sha1').update(`${purpose}:${guid}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface GatheredProject {
  project: RefiProject;
  /** Document GUID → stored text (written as sources/<guid>.txt). */
  texts: Map<string, string>;
  /** What the format cannot carry, in plain words; also written as a project note when not empty. */
  warnings: string[];
}

type Row = Record<string, unknown>;
const all = <T = Row>(db: Database.Database, sql: string, ...params: number[]) =>
  db.prepare(sql).all(...params) as T[];

/** What REFI-QDA has no place for (warned before export; written as a project note). */
export function uncarried(db: Database.Database): { warnings: string[]; note: string } {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const warnings: string[] = [];
  const lines: string[] = [];
  const referrals = all<{ a: string; b: string; since: string | null }>(
    db,
    `SELECT p.label AS a, q.label AS b, r.referred_on AS since FROM referrals r
     JOIN participants p ON p.id = r.referrer_id JOIN participants q ON q.id = r.referred_id ORDER BY p.label, q.label`,
  );
  if (referrals.length) {
    warnings.push(`the referral graph (${referrals.length} referrals) — written as a project note`);
    lines.push(
      'Referrals (who named whom):',
      ...referrals.map((r) => `- ${r.a} → ${r.b}${r.since ? ` (${r.since})` : ''}`),
      '',
    );
  }
  const statuses = all<{ label: string; status: string }>(
    db,
    `SELECT label, status FROM participants WHERE status <> 'identified' ORDER BY label`,
  );
  const history = count('SELECT count(*) AS n FROM participant_status_history');
  if (statuses.length || history) {
    warnings.push(
      `recruitment status and its history (${history} changes) — current statuses written as a project note`,
    );
    lines.push(
      'Recruitment status:',
      ...statuses.map((s) => `- ${s.label}: ${s.status.replace('_', ' ')}`),
      '',
    );
  }
  if (
    count(
      'SELECT count(*) AS n FROM participant_categories c WHERE EXISTS (SELECT 1 FROM participants p WHERE p.category_id = c.id)',
    )
  )
    warnings.push('participant categories, interview dates, modes and consent details');
  if (count('SELECT count(*) AS n FROM codes WHERE shortcut IS NOT NULL'))
    warnings.push('code shortcut keys');
  if (count('SELECT count(*) AS n FROM turns'))
    warnings.push('speaker turns and PDF page numbers (the text itself is kept)');
  return { warnings, note: lines.join('\n').trim() };
}

export function gatherProject(db: Database.Database, file: string): GatheredProject {
  const coders = all<{ id: number; guid: string; name: string }>(
    db,
    'SELECT id, guid, name FROM coders ORDER BY id',
  );
  const coderGuid = new Map(coders.map((c) => [c.id, c.guid]));
  const coderByName = new Map(coders.map((c) => [c.name.toLowerCase(), c.guid]));

  const codeRows = all<{
    id: number;
    guid: string;
    parent_id: number | null;
    name: string;
    color: string;
    description: string;
    codable: 0 | 1;
  }>(db, 'SELECT id, guid, parent_id, name, color, description, codable FROM codes ORDER BY position, id');
  const codeGuid = new Map(codeRows.map((c) => [c.id, c.guid]));
  const codeById = new Map<number, RefiCode>(
    codeRows.map((c) => [
      c.id,
      {
        guid: c.guid,
        name: c.name,
        color: c.color.toUpperCase(),
        description: c.description,
        isCodable: c.codable === 1,
        noteGuids: [],
        children: [],
      },
    ]),
  );
  const roots: RefiCode[] = [];
  for (const c of codeRows)
    (c.parent_id ? codeById.get(c.parent_id)!.children : roots).push(codeById.get(c.id)!);

  // Attributes → variables; values by owner.
  const attributes = all<{ id: number; guid: string; scope: string; name: string; type: string }>(
    db,
    'SELECT id, guid, scope, name, type FROM attributes ORDER BY id',
  );
  const variables: RefiVariable[] = [];
  const variableGuid = new Map<number, string>();
  const documentValues = new Map<number, RefiVariableValue[]>();
  const participantValues = new Map<number, RefiVariableValue[]>();
  for (const a of attributes) {
    const values = all<{ owner: number; value: string }>(
      db,
      a.scope === 'document'
        ? `SELECT document_id AS owner, value FROM document_attribute_values WHERE attribute_id = ?`
        : `SELECT participant_id AS owner, value FROM participant_attribute_values WHERE attribute_id = ?`,
      a.id,
    );
    // xsd:date needs a full date; Passage also allows YYYY and YYYY-MM, which then travel as text.
    const type =
      a.type === 'number'
        ? 'Float'
        : a.type === 'boolean'
          ? 'Boolean'
          : a.type === 'date' && values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v.value))
            ? 'Date'
            : 'Text';
    variables.push({ guid: a.guid, name: a.name, type, description: '' });
    variableGuid.set(a.id, a.guid);
    const target = a.scope === 'document' ? documentValues : participantValues;
    for (const v of values) {
      const list = target.get(v.owner) ?? [];
      list.push({ variableGuid: a.guid, value: v.value });
      target.set(v.owner, list);
    }
  }

  // Memos → notes.
  const notes: RefiNote[] = [];
  const projectNotes: string[] = [];
  const documentNotes = new Map<number, string[]>();
  for (const m of all<{
    guid: string;
    document_id: number | null;
    code_id: number | null;
    title: string;
    body: string;
    author: string;
    created_at: string;
  }>(db, 'SELECT guid, document_id, code_id, title, body, author, created_at FROM memos ORDER BY id')) {
    notes.push({
      guid: m.guid,
      name: m.title,
      plainTextPath: '',
      plainTextContent: m.body,
      userGuid: coderByName.get(m.author.toLowerCase()) ?? '',
      createdAt: m.created_at,
    });
    if (m.code_id) codeById.get(m.code_id)?.noteGuids.push(m.guid);
    else if (m.document_id)
      documentNotes.set(m.document_id, [...(documentNotes.get(m.document_id) ?? []), m.guid]);
    else projectNotes.push(m.guid);
  }

  const { warnings, note } = uncarried(db);
  if (note) {
    const guid = derivedGuid(projectGuid(db), 'uncarried');
    notes.push({
      guid,
      name: CARRY_NOTE_TITLE,
      plainTextPath: '',
      plainTextContent: note,
      userGuid: '',
      createdAt: '',
    });
    projectNotes.push(guid);
  }

  // Documents → text sources; segments → one selection each (its memo as the selection's description).
  const texts = new Map<string, string>();
  const sources: RefiSource[] = [];
  const documentGuid = new Map<number, string>();
  const segmentsByDocument = db.prepare(
    'SELECT guid, code_id, coder_id, start_utf16, end_utf16, memo, created_at FROM segments WHERE document_id = ? ORDER BY start_utf16, end_utf16, id',
  );
  for (const d of all<{ id: number; guid: string; title: string; text: string; imported_at: string }>(
    db,
    'SELECT id, guid, title, text, imported_at FROM documents ORDER BY id',
  )) {
    documentGuid.set(d.id, d.guid);
    texts.set(d.guid, d.text);
    const segments = segmentsByDocument.all(d.id) as {
      guid: string;
      code_id: number;
      coder_id: number;
      start_utf16: number;
      end_utf16: number;
      memo: string;
      created_at: string;
    }[];
    // Without characters beyond U+FFFF (most texts) UTF-16 offsets are code points already.
    const points = SURROGATE.test(d.text)
      ? utf16ToCodePoints(
          d.text,
          segments.flatMap((s) => [s.start_utf16, s.end_utf16]),
        )
      : null;
    const selections: RefiSelection[] = segments.map((s, i) => ({
      guid: derivedGuid(s.guid, 'selection'),
      name: '',
      start: points ? points[2 * i]! : s.start_utf16,
      end: points ? points[2 * i + 1]! : s.end_utf16,
      userGuid: coderGuid.get(s.coder_id) ?? '',
      description: s.memo,
      codings: [
        { guid: s.guid, codeGuid: codeGuid.get(s.code_id)!, userGuid: coderGuid.get(s.coder_id) ?? '' },
      ],
      noteGuids: [],
    }));
    sources.push({
      guid: d.guid,
      name: d.title,
      element: 'TextSource',
      plainTextPath: `internal://${d.guid}.txt`,
      description: '',
      userGuid: '',
      createdAt: d.imported_at,
      selections,
      codings: [],
      noteGuids: documentNotes.get(d.id) ?? [],
      values: documentValues.get(d.id) ?? [],
    });
  }

  // Groups → sets (a code group and a document group with one GUID, as an import makes them, are one set).
  const sets = new Map<string, RefiSet>();
  const setOf = (guid: string, name: string, description: string) => {
    const set = sets.get(guid) ?? { guid, name, description, codeGuids: [], sourceGuids: [] };
    sets.set(guid, set);
    return set;
  };
  for (const g of all<{ id: number; guid: string; name: string; description: string }>(
    db,
    'SELECT id, guid, name, description FROM code_groups ORDER BY position, id',
  )) {
    setOf(g.guid, g.name, g.description).codeGuids.push(
      ...all<{ code_id: number }>(
        db,
        `SELECT code_id FROM code_group_members WHERE group_id = ? ORDER BY code_id`,
        g.id,
      ).map((m) => codeGuid.get(m.code_id)!),
    );
  }
  for (const g of all<{ id: number; guid: string; name: string; description: string }>(
    db,
    'SELECT id, guid, name, description FROM document_groups ORDER BY id',
  )) {
    setOf(g.guid, g.name, g.description).sourceGuids.push(
      ...all<{ document_id: number }>(
        db,
        `SELECT document_id FROM document_group_members WHERE group_id = ? ORDER BY document_id`,
        g.id,
      ).map((m) => documentGuid.get(m.document_id)!),
    );
  }

  const cases = all<{ id: number; guid: string; label: string }>(
    db,
    'SELECT id, guid, label FROM participants ORDER BY id',
  ).map((p) => ({
    guid: p.guid,
    name: p.label,
    description: '',
    sourceGuids: all<{ guid: string }>(
      db,
      `SELECT guid FROM documents WHERE participant_id = ? ORDER BY id`,
      p.id,
    ).map((d) => d.guid),
    values: participantValues.get(p.id) ?? [],
  }));

  return {
    project: {
      name: path.basename(file).replace(/\.passage$/i, ''),
      origin: ORIGIN,
      creatingUserGuid: '',
      description: '',
      noteGuids: projectNotes,
      users: coders.map((c) => ({ guid: c.guid, name: c.name })),
      codes: roots,
      sources,
      notes,
      sets: [...sets.values()],
      cases,
      variables,
    },
    texts,
    warnings,
  };
}
