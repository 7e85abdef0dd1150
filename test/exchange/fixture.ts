/**
 * Small Passage projects built row by row with plain SQL (not through the importer under test), and a
 * GUID-keyed snapshot of everything REFI-QDA carries, for comparing a project with its round trip.
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { closeProject, openProject } from '../../electron/store/openProject';
import { normaliseText } from '../../shared/text/normalise';
import { REPORT_MEMO_TITLE } from '../../electron/exchange/importProject';
import { CARRY_NOTE_TITLE } from '../../electron/exchange/gatherProject';

export interface ProjectSpec {
  coders: string[];
  documents: { title: string; raw: string; participant?: number }[];
  /** parent: index of an earlier code, or -1. */
  /** codable: false makes a heading (absent: applicable). */
  codes: { name: string; parent: number; color: string; description: string; codable?: boolean }[];
  segments: { document: number; code: number; coder: number; a: number; b: number; memo: string }[];
  memos: {
    target: 'project' | 'document' | 'code';
    index: number;
    title: string;
    body: string;
    author: number;
  }[];
  codeGroups: { name: string; codes: number[] }[];
  documentGroups: { name: string; documents: number[] }[];
  participants: string[];
  attributes: {
    scope: 'document' | 'participant';
    name: string;
    type: 'text' | 'number' | 'boolean' | 'date';
    values: [number, string][];
  }[];
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export async function buildProject(file: string, spec: ProjectSpec): Promise<void> {
  const project = await openProject(file, { create: true });
  const db = project.db;
  const now = '2024-05-01T10:00:00.000Z';
  try {
    db.transaction(() => {
      const coderIds = spec.coders.map(
        (name) =>
          (
            db.prepare('INSERT INTO coders (name, created_at) VALUES (?, ?) RETURNING id').get(name, now) as {
              id: number;
            }
          ).id,
      );
      const participantIds = spec.participants.map(
        (label) =>
          (
            db
              .prepare('INSERT INTO participants (label, created_at) VALUES (?, ?) RETURNING id')
              .get(label, now) as { id: number }
          ).id,
      );
      const texts: string[] = [];
      const documentIds = spec.documents.map((d) => {
        const text = normaliseText(d.raw);
        texts.push(text);
        return (
          db
            .prepare(
              `INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, participant_id, imported_at)
               VALUES (?, 'interview', ?, 'txt', ?, ?, 1, ?, ?) RETURNING id`,
            )
            .get(
              d.title,
              d.title,
              crypto.createHash('sha256').update(text).digest('hex'),
              text,
              d.participant === undefined ? null : participantIds[d.participant],
              now,
            ) as { id: number }
        ).id;
      });
      const codeIds: number[] = [];
      spec.codes.forEach((c, i) => {
        const parent = c.parent >= 0 ? codeIds[c.parent]! : null;
        codeIds.push(
          (
            db
              .prepare(
                'INSERT INTO codes (parent_id, name, color, description, position, codable, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
              )
              .get(parent, c.name, c.color, c.description, i, c.codable === false ? 0 : 1, now) as {
              id: number;
            }
          ).id,
        );
      });
      const seen = new Set<string>();
      for (const s of spec.segments) {
        const text = texts[s.document]!;
        if (text.length < 2) continue;
        let start = Math.min(s.a, s.b) % text.length;
        let end = Math.max(start + 1, Math.max(s.a, s.b) % (text.length + 1));
        if (isLow(text.charCodeAt(start))) start--;
        if (end < text.length && isLow(text.charCodeAt(end))) end++;
        const key = `${s.document} ${s.code} ${s.coder} ${start} ${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        db.prepare(
          'INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(
          documentIds[s.document],
          codeIds[s.code],
          start,
          end,
          text.slice(start, end),
          s.memo,
          coderIds[s.coder],
          now,
          now,
        );
      }
      for (const m of spec.memos) {
        const documentId =
          m.target === 'document' ? (documentIds[m.index % documentIds.length] ?? null) : null;
        const codeId = m.target === 'code' ? (codeIds[m.index % codeIds.length] ?? null) : null;
        db.prepare(
          'INSERT INTO memos (document_id, code_id, title, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(documentId, codeId, m.title, m.body, spec.coders[m.author % spec.coders.length], now, now);
      }
      spec.codeGroups.forEach((g, i) => {
        const { id } = db
          .prepare('INSERT INTO code_groups (name, description, position) VALUES (?, ?, ?) RETURNING id')
          .get(g.name, `about ${g.name}`, i) as { id: number };
        for (const c of new Set(g.codes))
          db.prepare('INSERT INTO code_group_members (group_id, code_id) VALUES (?, ?)').run(id, codeIds[c]);
      });
      for (const g of spec.documentGroups) {
        const { id } = db
          .prepare(
            'INSERT INTO document_groups (name, description, created_at) VALUES (?, ?, ?) RETURNING id',
          )
          .get(g.name, `docs of ${g.name}`, now) as { id: number };
        for (const d of new Set(g.documents))
          db.prepare('INSERT INTO document_group_members (group_id, document_id) VALUES (?, ?)').run(
            id,
            documentIds[d],
          );
      }
      for (const a of spec.attributes) {
        const { id } = db
          .prepare('INSERT INTO attributes (scope, name, type) VALUES (?, ?, ?) RETURNING id')
          .get(a.scope, a.name, a.type) as { id: number };
        const owners = a.scope === 'document' ? documentIds : participantIds;
        const table =
          a.scope === 'document'
            ? 'document_attribute_values (document_id'
            : 'participant_attribute_values (participant_id';
        const done = new Set<number>();
        for (const [owner, value] of a.values) {
          if (done.has(owner) || owners[owner] === undefined) continue;
          done.add(owner);
          db.prepare(`INSERT INTO ${table}, attribute_id, value) VALUES (?, ?, ?)`).run(
            owners[owner],
            id,
            value,
          );
        }
      }
    }).immediate();
  } finally {
    closeProject(project);
  }
}

/** Everything REFI-QDA carries, keyed by GUID and sorted, so two projects compare with toEqual. */
export function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const all = (sql: string) => db.prepare(sql).all();
  try {
    return {
      coders: all('SELECT guid, name FROM coders ORDER BY guid'),
      documents: all(
        `SELECT d.guid, d.title, d.text, p.guid AS participant FROM documents d
         LEFT JOIN participants p ON p.id = d.participant_id ORDER BY d.guid`,
      ),
      codes: all(
        `SELECT c.guid, p.guid AS parent, c.name, lower(c.color) AS color, c.description, c.codable,
           (SELECT count(*) FROM codes s WHERE s.parent_id IS c.parent_id AND (s.position < c.position OR (s.position = c.position AND s.id < c.id))) AS rank
         FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.guid`,
      ),
      segments: all(
        `SELECT s.guid, d.guid AS document, c.guid AS code, k.guid AS coder, s.start_utf16, s.end_utf16, s.text, s.memo
         FROM segments s JOIN documents d ON d.id = s.document_id JOIN codes c ON c.id = s.code_id
         JOIN coders k ON k.id = s.coder_id ORDER BY s.guid`,
      ),
      memos: all(
        `SELECT m.guid, m.title, m.body, m.author, d.guid AS document, c.guid AS code FROM memos m
         LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes c ON c.id = m.code_id
         WHERE m.title NOT IN ('${REPORT_MEMO_TITLE}', '${CARRY_NOTE_TITLE}') ORDER BY m.guid`,
      ),
      codeGroups: all(
        `SELECT g.guid, g.name, g.description, (SELECT group_concat(c.guid) FROM (SELECT c.guid FROM code_group_members m
           JOIN codes c ON c.id = m.code_id WHERE m.group_id = g.id ORDER BY c.guid) c) AS members
         FROM code_groups g ORDER BY g.guid`,
      ),
      documentGroups: all(
        `SELECT g.guid, g.name, g.description, (SELECT group_concat(d.guid) FROM (SELECT d.guid FROM document_group_members m
           JOIN documents d ON d.id = m.document_id WHERE m.group_id = g.id ORDER BY d.guid) d) AS members
         FROM document_groups g ORDER BY g.guid`,
      ),
      participants: all('SELECT guid, label FROM participants ORDER BY guid'),
      attributes: all(
        `SELECT a.scope, a.name, a.type,
           (SELECT group_concat(x) FROM (SELECT d.guid || '=' || v.value AS x FROM document_attribute_values v JOIN documents d ON d.id = v.document_id WHERE v.attribute_id = a.id
            UNION ALL SELECT p.guid || '=' || v.value FROM participant_attribute_values v JOIN participants p ON p.id = v.participant_id WHERE v.attribute_id = a.id ORDER BY 1)) AS vals
         FROM attributes a ORDER BY a.scope, a.name`,
      ),
    };
  } finally {
    db.close();
  }
}
