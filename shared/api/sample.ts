import { z } from 'zod';
import type { CsvRowError } from '../sample/csvRows';
import type { SaturationCurve } from '../sample/saturation';
import type { SampleStatistics } from '../sample/statistics';
import {
  INTERVIEW_MODES,
  isIsoDate,
  PARTICIPANT_STATUSES,
  type InterviewMode,
  type ParticipantStatus,
} from '../sample/types';
import type { Waiting } from '../sample/reminders';
import { filePath, id, longText, name, noArgs, shortText } from './schemas';

// Contract of the sample: participants, referrals, recruitment status, consent, identity key.

const isoDate = z.string().refine(isIsoDate, 'not a date (use YYYY-MM-DD)');
const status = z.enum(PARTICIPANT_STATUSES);
const mode = z.enum(INTERVIEW_MODES);
const optionalText = shortText.nullable();
const note = z.string().max(2000);
const passphrase = z.string().min(8, 'passphrase is shorter than 8 characters').max(1000);

/** Fields a participant editor changes; every one optional so a form sends only what changed. */
const participantFields = {
  label: name.optional(),
  categoryId: id.nullable().optional(),
  interviewDate: isoDate.nullable().optional(),
  interviewMode: mode.nullable().optional(),
  durationMinutes: z.number().int().positive().max(10_000).nullable().optional(),
  interviewer: optionalText.optional(),
  consentVersion: optionalText.optional(),
  consentDate: isoDate.nullable().optional(),
  recordingAllowed: z.boolean().nullable().optional(),
  anonymisation: z.string().max(2000).nullable().optional(),
  notes: z.string().max(20_000).optional(),
};

export const sampleArgs = {
  'sample.list': noArgs,
  'sample.get': z.object({ id }).strict(),
  /** Without a label the participant is named "Interview N", the next free number. */
  'sample.create': z
    .object({ ...participantFields, status: status.optional(), statusDate: isoDate.optional() })
    .strict(),
  'sample.update': z.object({ id, ...participantFields }).strict(),
  'sample.delete': z.object({ id }).strict(),
  'sample.setStatus': z.object({ id, status, date: isoDate.optional(), note: note.optional() }).strict(),
  'sample.refer': z
    .object({ referrerId: id, referredId: id, date: isoDate.nullable().optional(), note: note.optional() })
    .strict(),
  'sample.unrefer': z.object({ referrerId: id, referredId: id }).strict(),
  /** Renames "Interview N" participants by interview order; other label schemes are kept. */
  'sample.renumber': noArgs,
  'sample.categories.list': noArgs,
  'sample.categories.create': z.object({ name }).strict(),
  'sample.categories.rename': z.object({ id, name }).strict(),
  'sample.categories.delete': z.object({ id }).strict(),
  /** Adds the reference study's categories that are not there yet. */
  'sample.categories.addDefaults': noArgs,
  'sample.attributes.list': noArgs,
  'sample.attributes.define': z
    .object({ name, type: z.enum(['text', 'number', 'date', 'boolean']) })
    .strict(),
  'sample.attributes.set': z
    .object({ participantId: id, attributeId: id, value: z.string().max(2000).nullable() })
    .strict(),
  /** Documents to link as transcripts, with the participant each is linked to. */
  'sample.documents': noArgs,
  'sample.linkDocument': z.object({ participantId: id, documentId: id }).strict(),
  'sample.unlinkDocument': z.object({ documentId: id }).strict(),
  'sample.reminders': noArgs,
  'sample.statistics': noArgs,
  'sample.saturation': noArgs,
  'sample.appendix': noArgs,
  /** Transcripts of withdrawn participants, which reports and exports leave out. */
  'sample.excluded': noArgs,
  /** A CSV file on disk (CLI, Electron) or its text (browser mode). All rows or none. */
  'sample.import': z
    .object({ path: filePath.optional(), text: longText.optional() })
    .strict()
    .refine((a) => (a.path === undefined) !== (a.text === undefined), 'give either path or text'),
  'sample.identity.status': noArgs,
  /** Creates the key file (default: beside the project, `<project>.identity`) and keeps it unlocked. */
  'sample.identity.create': z.object({ passphrase, path: filePath.optional() }).strict(),
  'sample.identity.unlock': z
    .object({ passphrase: z.string().min(1).max(1000), path: filePath.optional() })
    .strict(),
  'sample.identity.lock': noArgs,
  'sample.identity.changePassphrase': z
    .object({ current: z.string().min(1).max(1000), next: passphrase })
    .strict(),
  'sample.identity.set': z
    .object({
      participantId: id,
      name: z.string().max(300),
      contact: z.string().max(2000),
      notes: z.string().max(20_000),
    })
    .strict(),
};

export interface Category {
  id: number;
  name: string;
  participants: number;
}

export interface Identity {
  name: string;
  contact: string;
  notes: string;
}

export interface LinkedDocument {
  id: number;
  title: string;
}

/** One line of the pipeline table. */
export interface ParticipantRow {
  id: number;
  label: string;
  categoryId: number | null;
  category: string | null;
  status: ParticipantStatus;
  /** Shortest referral distance from a seed; seeds are wave 0. Computed, never stored. */
  wave: number | null;
  referredBy: { id: number; label: string }[];
  /** Date of the latest status change. */
  lastContact: string | null;
  interviewDate: string | null;
  interviewMode: InterviewMode | null;
  consentVersion: string | null;
  consentDate: string | null;
  documents: LinkedDocument[];
  /** Present only while the identity key is unlocked. */
  identity?: Identity;
}

export interface StatusChange {
  id: number;
  status: ParticipantStatus;
  date: string;
  note: string;
}

export interface Referral {
  participantId: number;
  label: string;
  date: string | null;
  note: string;
}

export interface AttributeDefinition {
  id: number;
  name: string;
  type: 'text' | 'number' | 'date' | 'boolean';
}

export interface ParticipantDetail extends ParticipantRow {
  durationMinutes: number | null;
  interviewer: string | null;
  recordingAllowed: boolean | null;
  anonymisation: string | null;
  withdrawnAt: string | null;
  notes: string;
  history: StatusChange[];
  /** Who named this participant, with date and note. */
  referrals: Referral[];
  /** Whom this participant named. */
  referred: Referral[];
  attributes: (AttributeDefinition & { value: string | null })[];
}

export interface SampleDocument {
  id: number;
  title: string;
  participantId: number | null;
}

/** A row of the appendix listing the interviews, as a paper prints it. */
export interface AppendixRow {
  label: string;
  category: string;
  /** 'YYYY-MM-DD' or '' when not recorded. */
  date: string;
  /** 'in person', 'video', 'phone' or ''. */
  mode: string;
}

export interface ExcludedDocuments {
  documentIds: number[];
  participants: { id: number; label: string; documents: number }[];
}

export interface ImportResult {
  imported: number;
  referrals: number;
  categoriesCreated: string[];
  /** Non-empty means nothing was imported. */
  errors: CsvRowError[];
}

export interface IdentityKeyStatus {
  /** Where the key is (or would be created). */
  path: string;
  exists: boolean;
  unlocked: boolean;
  entries: number;
}

export interface SampleResults {
  'sample.list': ParticipantRow[];
  'sample.get': ParticipantDetail;
  'sample.create': ParticipantDetail;
  'sample.update': ParticipantDetail;
  'sample.delete': null;
  'sample.setStatus': ParticipantDetail;
  'sample.refer': ParticipantDetail;
  'sample.unrefer': null;
  'sample.renumber': { renamed: number };
  'sample.categories.list': Category[];
  'sample.categories.create': Category;
  'sample.categories.rename': Category;
  'sample.categories.delete': null;
  'sample.categories.addDefaults': Category[];
  'sample.attributes.list': AttributeDefinition[];
  'sample.attributes.define': AttributeDefinition;
  'sample.attributes.set': null;
  'sample.documents': SampleDocument[];
  'sample.linkDocument': null;
  'sample.unlinkDocument': null;
  'sample.reminders': Waiting[];
  'sample.statistics': SampleStatistics;
  'sample.saturation': SaturationCurve;
  'sample.appendix': AppendixRow[];
  'sample.excluded': ExcludedDocuments;
  'sample.import': ImportResult;
  'sample.identity.status': IdentityKeyStatus;
  'sample.identity.create': IdentityKeyStatus;
  'sample.identity.unlock': IdentityKeyStatus;
  'sample.identity.lock': IdentityKeyStatus;
  'sample.identity.changePassphrase': IdentityKeyStatus;
  'sample.identity.set': null;
}
