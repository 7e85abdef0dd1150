/**
 * Writes an ImportPlan into a fresh project in one transaction, keeping the REFI-QDA GUIDs on the rows
 * (so a re-export names everything as the other tool did). Only for a new, empty project: ids are
 * looked up by GUID from the rows just inserted.
 */
import type Database from 'better-sqlite3';
import type { ImportPlan } from '../../shared/exchange/importPlan';
import { insertDocumentRows } from '../store/documents';

/** Called between batches of rows; may await (the UI's status polls) and may throw (cancel). */
export type WriteProgress = (done: number, total: number) => void | Promise<void>;

const BATCH = 2000;

/**
 * One transaction over the new file, opened and committed by hand so that progress can await between
 * batches (a transaction function of better-sqlite3 must be synchronous). Nobody else has the file
 * open yet, and a failure or cancel rolls back and the caller deletes the file.
 */
export async function writeImportPlan(
  db: Database.Database,
  plan: ImportPlan,
  progress: WriteProgress = () => {},
): Promise<void> {
  const now = new Date().toISOString();
  const coderId = new Map<string, number>();
  const documentId = new Map<string, number>();
  const codeId = new Map<string, number>();
  const participantId = new Map<string, number>();
  const total = plan.documents.length + plan.segments.length;
  let done = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const insertCoder = db.prepare(
      'INSERT INTO coders (guid, name, created_at) VALUES (?, ?, ?) RETURNING id',
    );
    for (const coder of plan.coders)
      coderId.set(coder.guid, (insertCoder.get(coder.guid, coder.name, now) as { id: number }).id);

    const insertParticipant = db.prepare(
      'INSERT INTO participants (guid, label, notes, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    );
    for (const p of plan.participants)
      participantId.set(p.guid, (insertParticipant.get(p.guid, p.label, p.notes, now) as { id: number }).id);

    const setDocumentGuid = db.prepare('UPDATE documents SET guid = ? WHERE id = ?');
    for (const doc of plan.documents) {
      const id = insertDocumentRows(db, {
        title: doc.title,
        text: doc.text,
        fileName: doc.fileName,
        format: doc.format,
        participantId: doc.participantGuid ? (participantId.get(doc.participantGuid) ?? null) : null,
        importedAt: now,
      });
      setDocumentGuid.run(doc.guid, id);
      documentId.set(doc.guid, id);
      if (++done % 50 === 0) await progress(done, total);
    }

    const insertCode = db.prepare(
      `INSERT INTO codes (guid, parent_id, name, color, description, position, codable, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    for (const code of plan.codes) {
      const parent = code.parentGuid ? codeId.get(code.parentGuid)! : null;
      const row = insertCode.get(
        code.guid,
        parent,
        code.name,
        code.color,
        code.description,
        code.position,
        code.codable ? 1 : 0,
        now,
      ) as { id: number };
      codeId.set(code.guid, row.id);
    }

    const textOf = new Map(plan.documents.map((d) => [d.guid, d.text]));
    const insertSegment = db.prepare(
      `INSERT INTO segments (guid, document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of plan.segments) {
      const text = textOf.get(s.documentGuid)!.slice(s.start, s.end);
      insertSegment.run(
        s.guid,
        documentId.get(s.documentGuid)!,
        codeId.get(s.codeGuid)!,
        s.start,
        s.end,
        text,
        s.memo,
        coderId.get(s.coderGuid)!,
        now,
        now,
      );
      if (++done % BATCH === 0) await progress(done, total);
    }

    const insertMemo = db.prepare(
      `INSERT INTO memos (guid, document_id, code_id, title, body, author, created_at, updated_at)
       VALUES (coalesce(?, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))), ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const memo of plan.memos) {
      insertMemo.run(
        memo.guid ?? null,
        memo.documentGuid ? documentId.get(memo.documentGuid)! : null,
        memo.codeGuid ? codeId.get(memo.codeGuid)! : null,
        memo.title,
        memo.body,
        memo.author,
        now,
        now,
      );
    }

    const insertCodeGroup = db.prepare(
      'INSERT INTO code_groups (guid, name, description, position) VALUES (?, ?, ?, ?) RETURNING id',
    );
    const insertCodeMember = db.prepare(
      'INSERT OR IGNORE INTO code_group_members (group_id, code_id) VALUES (?, ?)',
    );
    plan.codeGroups.forEach((group, position) => {
      const { id } = insertCodeGroup.get(group.guid, group.name, group.description, position) as {
        id: number;
      };
      for (const guid of group.memberGuids) insertCodeMember.run(id, codeId.get(guid)!);
    });
    const insertDocumentGroup = db.prepare(
      'INSERT INTO document_groups (guid, name, description, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    );
    const insertDocumentMember = db.prepare(
      'INSERT OR IGNORE INTO document_group_members (group_id, document_id) VALUES (?, ?)',
    );
    for (const group of plan.documentGroups) {
      const { id } = insertDocumentGroup.get(group.guid, group.name, group.description, now) as {
        id: number;
      };
      for (const guid of group.memberGuids) insertDocumentMember.run(id, documentId.get(guid)!);
    }

    const insertAttribute = db.prepare(
      'INSERT INTO attributes (guid, scope, name, type) VALUES (?, ?, ?, ?) RETURNING id',
    );
    const insertDocumentValue = db.prepare(
      'INSERT OR REPLACE INTO document_attribute_values (document_id, attribute_id, value) VALUES (?, ?, ?)',
    );
    const insertParticipantValue = db.prepare(
      'INSERT OR REPLACE INTO participant_attribute_values (participant_id, attribute_id, value) VALUES (?, ?, ?)',
    );
    for (const attribute of plan.attributes) {
      const { id } = insertAttribute.get(attribute.guid, attribute.scope, attribute.name, attribute.type) as {
        id: number;
      };
      for (const { ownerGuid, value } of attribute.values) {
        if (attribute.scope === 'document') insertDocumentValue.run(documentId.get(ownerGuid)!, id, value);
        else insertParticipantValue.run(participantId.get(ownerGuid)!, id, value);
      }
    }
    await progress(total, total);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
