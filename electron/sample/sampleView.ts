import type Database from 'better-sqlite3';
import type {
  AppendixRow,
  ExcludedDocuments,
  Identity,
  ParticipantDetail,
  ParticipantRow,
} from '../../shared/api/sample';
import { computeWaves } from '../../shared/sample/graph';
import { waitingForReply, type Waiting } from '../../shared/sample/reminders';
import { saturationCurve, type SaturationCurve } from '../../shared/sample/saturation';
import { sampleStatistics, type SampleStatistics } from '../../shared/sample/statistics';
import { MODE_LABELS } from '../../shared/sample/types';
import { listParticipantAttributes, participantAttributeValues } from '../store/participantAttributes';
import {
  codesByParticipant,
  documentsByParticipant,
  excludedDocumentIds,
} from '../store/participantDocuments';
import {
  getParticipantRecord,
  listParticipantRecords,
  statusHistory,
  today,
  type ParticipantRecord,
} from '../store/participants';
import { listReferrals } from '../store/referrals';

// Assembles what the views show from the store modules and the pure sample logic.

type IdentityLookup = (participantId: number) => Identity | undefined;

function toRow(
  p: ParticipantRecord,
  waves: Map<number, number>,
  referrers: Map<number, { id: number; label: string }[]>,
  documents: Map<number, { id: number; title: string }[]>,
  identity: IdentityLookup | null,
): ParticipantRow {
  const row: ParticipantRow = {
    id: p.id,
    label: p.label,
    categoryId: p.categoryId,
    category: p.category,
    status: p.status,
    wave: waves.get(p.id) ?? null,
    referredBy: referrers.get(p.id) ?? [],
    lastContact: p.lastChange,
    interviewDate: p.interviewDate,
    interviewMode: p.interviewMode,
    consentVersion: p.consentVersion,
    consentDate: p.consentDate,
    documents: documents.get(p.id) ?? [],
  };
  const found = identity?.(p.id);
  if (found) row.identity = found;
  return row;
}

function graphParts(db: Database.Database, records: ParticipantRecord[]) {
  const edges = listReferrals(db);
  const waves = computeWaves(
    records.map((r) => r.id),
    edges,
  );
  const labels = new Map(records.map((r) => [r.id, r.label]));
  const referrers = new Map<number, { id: number; label: string }[]>();
  for (const e of edges) {
    const list = referrers.get(e.referredId) ?? [];
    list.push({ id: e.referrerId, label: labels.get(e.referrerId) ?? `#${e.referrerId}` });
    referrers.set(e.referredId, list);
  }
  return { edges, waves, labels, referrers };
}

export function participantRows(db: Database.Database, identity: IdentityLookup | null): ParticipantRow[] {
  const records = listParticipantRecords(db);
  const { waves, referrers } = graphParts(db, records);
  const documents = documentsByParticipant(db);
  return records.map((p) => toRow(p, waves, referrers, documents, identity));
}

export function participantDetail(
  db: Database.Database,
  id: number,
  identity: IdentityLookup | null,
): ParticipantDetail {
  const record = getParticipantRecord(db, id);
  const records = listParticipantRecords(db);
  const { edges, waves, labels, referrers } = graphParts(db, records);
  const values = participantAttributeValues(db, id);
  const row = toRow(record, waves, referrers, documentsByParticipant(db), identity);
  return {
    ...row,
    durationMinutes: record.durationMinutes,
    interviewer: record.interviewer,
    recordingAllowed: record.recordingAllowed === null ? null : record.recordingAllowed === 1,
    anonymisation: record.anonymisation,
    withdrawnAt: record.withdrawnAt,
    notes: record.notes,
    history: statusHistory(db, id),
    referrals: edges
      .filter((e) => e.referredId === id)
      .map((e) => ({
        participantId: e.referrerId,
        label: labels.get(e.referrerId) ?? '',
        date: e.date,
        note: e.note,
      })),
    referred: edges
      .filter((e) => e.referrerId === id)
      .map((e) => ({
        participantId: e.referredId,
        label: labels.get(e.referredId) ?? '',
        date: e.date,
        note: e.note,
      })),
    attributes: listParticipantAttributes(db).map((a) => ({ ...a, value: values.get(a.id) ?? null })),
  };
}

export function statistics(db: Database.Database): SampleStatistics {
  const records = listParticipantRecords(db);
  return sampleStatistics(
    records.map((r) => ({
      id: r.id,
      label: r.label,
      category: r.category,
      status: r.status,
      identifiedOn: r.identifiedOn,
      interviewedOn: r.interviewDate ?? r.interviewedOn,
    })),
    listReferrals(db),
  );
}

/**
 * Saturation over interviewed participants' transcripts, by interview date. Withdrawn participants
 * are left out like everywhere else in reports; so are participants without a linked transcript.
 */
export function saturation(db: Database.Database): SaturationCurve {
  const codes = codesByParticipant(db);
  const documents = documentsByParticipant(db);
  return saturationCurve(
    listParticipantRecords(db)
      .filter((r) => r.status !== 'withdrawn' && (documents.get(r.id)?.length ?? 0) > 0)
      .map((r) => ({
        label: r.label,
        date: r.interviewDate ?? r.interviewedOn,
        codeIds: codes.get(r.id) ?? [],
      })),
  );
}

/** The interviews, as a paper's appendix lists them: interviewed participants by date, then label. */
export function appendix(db: Database.Database): AppendixRow[] {
  return listParticipantRecords(db)
    .filter((r) => r.status === 'interviewed')
    .sort(
      (a, b) =>
        (a.interviewDate ?? '9999').localeCompare(b.interviewDate ?? '9999') ||
        a.label.localeCompare(b.label, undefined, { numeric: true }),
    )
    .map((r) => ({
      label: r.label,
      category: r.category ?? '',
      date: r.interviewDate ?? '',
      mode: r.interviewMode ? MODE_LABELS[r.interviewMode] : '',
    }));
}

export function reminders(db: Database.Database): Waiting[] {
  return waitingForReply(
    listParticipantRecords(db).map((r) => ({
      id: r.id,
      label: r.label,
      status: r.status,
      since: r.lastChange,
    })),
    today(),
  );
}

export function excluded(db: Database.Database): ExcludedDocuments {
  const documentIds = excludedDocumentIds(db);
  const documents = documentsByParticipant(db);
  return {
    documentIds,
    participants: listParticipantRecords(db)
      .filter((r) => r.status === 'withdrawn')
      .map((r) => ({ id: r.id, label: r.label, documents: documents.get(r.id)?.length ?? 0 })),
  };
}
