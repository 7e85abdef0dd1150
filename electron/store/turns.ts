import type Database from 'better-sqlite3';
import type { Page, SpeakerCount, Turn } from '../../shared/api/documents';
import { statement } from './statements';

export interface TurnInput {
  speaker: string;
  startUtf16: number;
  endUtf16: number;
}

export function insertTurns(db: Database.Database, documentId: number, turns: readonly TurnInput[]): void {
  const insert = statement(
    db,
    `INSERT INTO turns (document_id, speaker, start_utf16, end_utf16)
     VALUES (:documentId, :speaker, :startUtf16, :endUtf16)`,
  );
  for (const turn of turns) insert.run({ documentId, ...turn });
}

export function listTurns(db: Database.Database, documentId: number): Turn[] {
  return statement(
    db,
    `SELECT id, speaker, start_utf16 AS startUtf16, end_utf16 AS endUtf16
     FROM turns WHERE document_id = :documentId ORDER BY start_utf16`,
  ).all({ documentId }) as Turn[];
}

/** Renames one speaker label throughout a document (the user correcting a detected label). */
export function renameSpeaker(db: Database.Database, documentId: number, from: string, to: string): number {
  return db
    .transaction(
      () =>
        statement(
          db,
          `UPDATE turns SET speaker = :to WHERE document_id = :documentId AND speaker = :from`,
        ).run({ documentId, from, to }).changes,
    )
    .immediate();
}

export function insertPages(db: Database.Database, documentId: number, pages: readonly Page[]): void {
  const insert = statement(
    db,
    `INSERT INTO document_pages (document_id, page, start_utf16, end_utf16)
     VALUES (:documentId, :page, :startUtf16, :endUtf16)`,
  );
  for (const page of pages) insert.run({ documentId, ...page });
}

export function listPages(db: Database.Database, documentId: number): Page[] {
  return statement(
    db,
    `SELECT page, start_utf16 AS startUtf16, end_utf16 AS endUtf16
     FROM document_pages WHERE document_id = :documentId ORDER BY page`,
  ).all({ documentId }) as Page[];
}

/** Each speaker label of a document with its number of turns, in order of first appearance. */
export function listSpeakers(db: Database.Database, documentId: number): SpeakerCount[] {
  return statement(
    db,
    `SELECT speaker, count(*) AS turns FROM turns WHERE document_id = :documentId
     GROUP BY speaker ORDER BY min(start_utf16)`,
  ).all({ documentId }) as SpeakerCount[];
}
