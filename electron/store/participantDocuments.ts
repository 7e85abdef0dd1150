import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { statement } from './statements';

// Linking a transcript to its interviewee is the only change the sample makes to documents.

export interface ParticipantDocument {
  id: number;
  title: string;
  participantId: number | null;
}

export function listDocumentsForLinking(db: Database.Database): ParticipantDocument[] {
  return statement(
    db,
    'SELECT id, title, participant_id AS participantId FROM documents ORDER BY title COLLATE NOCASE, id',
  ).all() as ParticipantDocument[];
}

export function linkDocument(db: Database.Database, participantId: number, documentId: number): void {
  db.transaction(() => {
    if (!statement(db, 'SELECT 1 FROM participants WHERE id = :id').get({ id: participantId }))
      throw new PassageError('not_found', `participant ${participantId} does not exist`);
    const { changes } = statement(
      db,
      'UPDATE documents SET participant_id = :participantId WHERE id = :documentId',
    ).run({ participantId, documentId });
    if (changes === 0) throw new PassageError('not_found', `document ${documentId} does not exist`);
  }).immediate();
}

export function unlinkDocument(db: Database.Database, documentId: number): void {
  const { changes } = statement(db, 'UPDATE documents SET participant_id = NULL WHERE id = :documentId').run({
    documentId,
  });
  if (changes === 0) throw new PassageError('not_found', `document ${documentId} does not exist`);
}

/**
 * The SQL condition that keeps a document in reports and exports: true unless it is the transcript of
 * a withdrawn participant. `alias` is the documents table's name or alias in the caller's query
 * (a code constant, never user input).
 */
export function notWithdrawnCondition(alias = 'documents'): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`notWithdrawnCondition: bad alias ${alias}`);
  return `NOT EXISTS (SELECT 1 FROM participants wp WHERE wp.id = ${alias}.participant_id AND wp.status = 'withdrawn')`;
}

/** Transcripts of withdrawn participants: reports and exports leave them (and their segments) out. */
export function excludedDocumentIds(db: Database.Database): number[] {
  return (
    statement(
      db,
      `SELECT d.id FROM documents d JOIN participants p ON p.id = d.participant_id
       WHERE p.status = 'withdrawn' ORDER BY d.id`,
    ).all() as { id: number }[]
  ).map((r) => r.id);
}

export function documentsByParticipant(db: Database.Database): Map<number, { id: number; title: string }[]> {
  const rows = statement(
    db,
    'SELECT id, title, participant_id AS participantId FROM documents WHERE participant_id IS NOT NULL ORDER BY title, id',
  ).all() as { id: number; title: string; participantId: number }[];
  const map = new Map<number, { id: number; title: string }[]>();
  for (const r of rows) {
    const list = map.get(r.participantId) ?? [];
    list.push({ id: r.id, title: r.title });
    map.set(r.participantId, list);
  }
  return map;
}

/** Code ids used in each participant's transcripts, for the saturation curve. */
export function codesByParticipant(db: Database.Database): Map<number, number[]> {
  const rows = statement(
    db,
    `SELECT DISTINCT d.participant_id AS participantId, s.code_id AS codeId
     FROM segments s JOIN documents d ON d.id = s.document_id WHERE d.participant_id IS NOT NULL`,
  ).all() as { participantId: number; codeId: number }[];
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.participantId, [...(map.get(r.participantId) ?? []), r.codeId]);
  return map;
}
