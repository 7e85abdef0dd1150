import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { nextDefaultLabel } from '../../shared/sample/labels';
import type { InterviewMode, ParticipantStatus } from '../../shared/sample/types';
import { statement } from './statements';

/** A participants row as the store reads it (column names in camelCase). */
export interface ParticipantRecord {
  id: number;
  label: string;
  categoryId: number | null;
  category: string | null;
  status: ParticipantStatus;
  interviewDate: string | null;
  interviewMode: InterviewMode | null;
  durationMinutes: number | null;
  interviewer: string | null;
  consentVersion: string | null;
  consentDate: string | null;
  recordingAllowed: number | null;
  anonymisation: string | null;
  withdrawnAt: string | null;
  notes: string;
  createdAt: string;
  /** Date of the latest status change. */
  lastChange: string | null;
  /** Date of the first 'identified' entry, else of the earliest entry. */
  identifiedOn: string | null;
  /** Date of the first 'interviewed' entry. */
  interviewedOn: string | null;
}

export interface ParticipantFields {
  label: string;
  categoryId: number | null;
  interviewDate: string | null;
  interviewMode: InterviewMode | null;
  durationMinutes: number | null;
  interviewer: string | null;
  consentVersion: string | null;
  consentDate: string | null;
  recordingAllowed: boolean | null;
  anonymisation: string | null;
  notes: string;
}

const SELECT = `SELECT p.id, p.label, p.category_id AS categoryId, c.name AS category, p.status,
    p.interview_date AS interviewDate, p.interview_mode AS interviewMode, p.duration_minutes AS durationMinutes,
    p.interviewer, p.consent_version AS consentVersion, p.consent_date AS consentDate,
    p.recording_allowed AS recordingAllowed, p.anonymisation, p.withdrawn_at AS withdrawnAt, p.notes,
    p.created_at AS createdAt,
    (SELECT max(h.changed_at) FROM participant_status_history h WHERE h.participant_id = p.id) AS lastChange,
    coalesce(
      (SELECT min(h.changed_at) FROM participant_status_history h WHERE h.participant_id = p.id AND h.status = 'identified'),
      (SELECT min(h.changed_at) FROM participant_status_history h WHERE h.participant_id = p.id)
    ) AS identifiedOn,
    (SELECT min(h.changed_at) FROM participant_status_history h WHERE h.participant_id = p.id AND h.status = 'interviewed') AS interviewedOn
  FROM participants p LEFT JOIN participant_categories c ON c.id = p.category_id`;

/** Today as 'YYYY-MM-DD': recruitment is recorded by the day. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function listParticipantRecords(db: Database.Database): ParticipantRecord[] {
  return statement(db, `${SELECT} ORDER BY p.label COLLATE NOCASE`).all() as ParticipantRecord[];
}

export function getParticipantRecord(db: Database.Database, id: number): ParticipantRecord {
  const row = statement(db, `${SELECT} WHERE p.id = :id`).get({ id }) as ParticipantRecord | undefined;
  if (!row) throw new PassageError('not_found', `participant ${id} does not exist`);
  return row;
}

export function participantIdByLabel(db: Database.Database, label: string): number | undefined {
  const row = statement(db, 'SELECT id FROM participants WHERE label = :label').get({ label }) as
    { id: number } | undefined;
  return row?.id;
}

function checkLabelFree(db: Database.Database, label: string, except = 0): void {
  const taken = participantIdByLabel(db, label);
  if (taken !== undefined && taken !== except)
    throw new PassageError('conflict', `A participant labelled ${label} already exists`);
}

function checkCategory(db: Database.Database, categoryId: number | null): void {
  if (categoryId === null) return;
  if (!statement(db, 'SELECT 1 FROM participant_categories WHERE id = :id').get({ id: categoryId }))
    throw new PassageError('not_found', `category ${categoryId} does not exist`);
}

function writeParams(fields: ParticipantFields) {
  return {
    ...fields,
    recordingAllowed: fields.recordingAllowed === null ? null : fields.recordingAllowed ? 1 : 0,
  };
}

/** Inserts a participant with its first status entry; without a label it is the next "Interview N". */
export function createParticipant(
  db: Database.Database,
  fields: Partial<ParticipantFields>,
  status: ParticipantStatus = 'identified',
  statusDate: string = today(),
): number {
  return db
    .transaction(() => {
      const labels = (statement(db, 'SELECT label FROM participants').all() as { label: string }[]).map(
        (r) => r.label,
      );
      const label = fields.label ?? nextDefaultLabel(labels);
      checkLabelFree(db, label);
      checkCategory(db, fields.categoryId ?? null);
      const full: ParticipantFields = {
        label,
        categoryId: fields.categoryId ?? null,
        interviewDate: fields.interviewDate ?? null,
        interviewMode: fields.interviewMode ?? null,
        durationMinutes: fields.durationMinutes ?? null,
        interviewer: fields.interviewer ?? null,
        consentVersion: fields.consentVersion ?? null,
        consentDate: fields.consentDate ?? null,
        recordingAllowed: fields.recordingAllowed ?? null,
        anonymisation: fields.anonymisation ?? null,
        notes: fields.notes ?? '',
      };
      const { id } = statement(
        db,
        `INSERT INTO participants (label, category_id, status, interview_date, interview_mode, duration_minutes,
         interviewer, consent_version, consent_date, recording_allowed, anonymisation, withdrawn_at, notes, created_at)
       VALUES (:label, :categoryId, :status, :interviewDate, :interviewMode, :durationMinutes, :interviewer,
         :consentVersion, :consentDate, :recordingAllowed, :anonymisation, :withdrawnAt, :notes, :createdAt)
       RETURNING id`,
      ).get({
        ...writeParams(full),
        status,
        withdrawnAt: status === 'withdrawn' ? statusDate : null,
        createdAt: new Date().toISOString(),
      }) as { id: number };
      addHistory(db, id, status, statusDate, '');
      return id;
    })
    .immediate();
}

export function updateParticipant(
  db: Database.Database,
  id: number,
  patch: Partial<ParticipantFields>,
): void {
  db.transaction(() => {
    const current = getParticipantRecord(db, id);
    const merged: ParticipantFields = {
      label: patch.label ?? current.label,
      categoryId: patch.categoryId !== undefined ? patch.categoryId : current.categoryId,
      interviewDate: patch.interviewDate !== undefined ? patch.interviewDate : current.interviewDate,
      interviewMode: patch.interviewMode !== undefined ? patch.interviewMode : current.interviewMode,
      durationMinutes: patch.durationMinutes !== undefined ? patch.durationMinutes : current.durationMinutes,
      interviewer: patch.interviewer !== undefined ? patch.interviewer : current.interviewer,
      consentVersion: patch.consentVersion !== undefined ? patch.consentVersion : current.consentVersion,
      consentDate: patch.consentDate !== undefined ? patch.consentDate : current.consentDate,
      recordingAllowed:
        patch.recordingAllowed !== undefined
          ? patch.recordingAllowed
          : current.recordingAllowed === null
            ? null
            : current.recordingAllowed === 1,
      anonymisation: patch.anonymisation !== undefined ? patch.anonymisation : current.anonymisation,
      notes: patch.notes ?? current.notes,
    };
    checkLabelFree(db, merged.label, id);
    checkCategory(db, merged.categoryId);
    statement(
      db,
      `UPDATE participants SET label = :label, category_id = :categoryId, interview_date = :interviewDate,
         interview_mode = :interviewMode, duration_minutes = :durationMinutes, interviewer = :interviewer,
         consent_version = :consentVersion, consent_date = :consentDate, recording_allowed = :recordingAllowed,
         anonymisation = :anonymisation, notes = :notes
       WHERE id = :id`,
    ).run({ ...writeParams(merged), id });
  }).immediate();
}

export function deleteParticipant(db: Database.Database, id: number): void {
  const { changes } = statement(db, 'DELETE FROM participants WHERE id = :id').run({ id });
  if (changes === 0) throw new PassageError('not_found', `participant ${id} does not exist`);
}

function addHistory(
  db: Database.Database,
  id: number,
  status: ParticipantStatus,
  date: string,
  note: string,
): void {
  statement(
    db,
    `INSERT INTO participant_status_history (participant_id, status, changed_at, note)
     VALUES (:id, :status, :date, :note)`,
  ).run({ id, status, date, note });
}

/**
 * Records a status change in the history and makes it the current status: the researcher's latest
 * action wins even when it is back-dated (recording last month's interview after creating the
 * participant today). The history lists entries by date. Withdrawal is dated.
 */
export function setStatus(
  db: Database.Database,
  id: number,
  status: ParticipantStatus,
  date: string,
  note: string,
): void {
  db.transaction(() => {
    getParticipantRecord(db, id);
    addHistory(db, id, status, date, note);
    statement(db, 'UPDATE participants SET status = :status, withdrawn_at = :withdrawnAt WHERE id = :id').run(
      {
        id,
        status,
        withdrawnAt: status === 'withdrawn' ? date : null,
      },
    );
  }).immediate();
}

export interface HistoryRecord {
  id: number;
  status: ParticipantStatus;
  date: string;
  note: string;
}

export function statusHistory(db: Database.Database, id: number): HistoryRecord[] {
  return statement(
    db,
    `SELECT id, status, changed_at AS date, note FROM participant_status_history
     WHERE participant_id = :id ORDER BY changed_at, id`,
  ).all({ id }) as HistoryRecord[];
}

export function renameParticipants(db: Database.Database, labels: ReadonlyMap<number, string>): void {
  db.transaction(() => {
    // Two passes through temporary names, so swapping "Interview 1" and "Interview 2" never clashes.
    for (const id of labels.keys())
      statement(db, 'UPDATE participants SET label = :label WHERE id = :id').run({
        id,
        label: `#renumber ${id} ${Date.now()}`,
      });
    for (const [id, label] of labels)
      statement(db, 'UPDATE participants SET label = :label WHERE id = :id').run({ id, label });
  }).immediate();
}
