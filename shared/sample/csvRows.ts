import { cycleIfAdded } from './graph';
import {
  INTERVIEW_MODES,
  isIsoDate,
  PARTICIPANT_STATUSES,
  type InterviewMode,
  type ParticipantStatus,
  type ReferralEdge,
} from './types';

/** Columns a sample CSV may have (header names are matched case-insensitively, spaces as underscores). */
export const CSV_COLUMNS = [
  'label',
  'category',
  'status',
  'referred_by',
  'identified_date',
  'interview_date',
  'mode',
  'duration_minutes',
  'interviewer',
  'consent_version',
  'consent_date',
  'recording_allowed',
  'anonymisation',
  'notes',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvRowError {
  /** Row as a spreadsheet shows it: the header is row 1, the first participant row 2. */
  row: number;
  message: string;
}

export interface ImportedParticipant {
  row: number;
  label: string;
  category: string | null;
  status: ParticipantStatus;
  identifiedDate: string | null;
  interviewDate: string | null;
  mode: InterviewMode | null;
  durationMinutes: number | null;
  interviewer: string | null;
  consentVersion: string | null;
  consentDate: string | null;
  recordingAllowed: boolean | null;
  anonymisation: string | null;
  notes: string;
  referredBy: string[];
}

export interface ExistingSample {
  /** Labels already in the project, lower-cased, to their ids. */
  labels: ReadonlyMap<string, number>;
  /** The project's labels as written, by id, for messages. */
  names: ReadonlyMap<number, string>;
  edges: readonly ReferralEdge[];
}

export interface CsvValidation {
  participants: ImportedParticipant[];
  errors: CsvRowError[];
}

export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function parseStatus(value: string): ParticipantStatus | undefined {
  const v = normaliseHeader(value);
  if (v === '') return 'identified';
  return (PARTICIPANT_STATUSES as readonly string[]).includes(v) ? (v as ParticipantStatus) : undefined;
}

function parseMode(value: string): InterviewMode | null | undefined {
  const v = normaliseHeader(value).replace(/^in_person$|^inperson$|^face_to_face$/, 'in_person');
  if (v === '') return null;
  return (INTERVIEW_MODES as readonly string[]).includes(v) ? (v as InterviewMode) : undefined;
}

function parseBoolean(value: string): boolean | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (['yes', 'y', 'true', '1'].includes(v)) return true;
  if (['no', 'n', 'false', '0'].includes(v)) return false;
  return undefined;
}

const MAX_FIELD = 2000;

/**
 * Checks every row of a sample CSV against the file and the project, collecting every error with its
 * row number rather than stopping at the first, so the researcher can fix the file in one pass.
 * Referrers may be defined later in the file or already be in the project.
 */
export function validateCsvRows(
  header: readonly string[],
  records: readonly (readonly string[])[],
  existing: ExistingSample,
): CsvValidation {
  const errors: CsvRowError[] = [];
  const columns = header.map(normaliseHeader);
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0)
    errors.push({ row: 1, message: `unknown column ${unknown.map((c) => `'${c}'`).join(', ')}` });
  if (!columns.includes('label')) errors.push({ row: 1, message: "missing column 'label'" });
  if (errors.length > 0) return { participants: [], errors };

  const participants: ImportedParticipant[] = [];
  const rowOfLabel = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const get = (column: CsvColumn) => {
      const at = columns.indexOf(column);
      return at < 0 ? '' : (record[at] ?? '').trim();
    };
    const fail = (message: string) => errors.push({ row, message });
    if (record.length !== columns.length)
      fail(`has ${record.length} fields, the header has ${columns.length}`);
    const tooLong = columns.find((_, i) => (record[i] ?? '').length > MAX_FIELD);
    if (tooLong) fail(`${tooLong}: longer than ${MAX_FIELD} characters`);

    const label = get('label');
    const key = label.toLowerCase();
    if (label === '') fail('label: empty');
    else if (label.length > 200) fail('label: longer than 200 characters');
    else if (rowOfLabel.has(key)) fail(`duplicate label '${label}' (also on row ${rowOfLabel.get(key)})`);
    else if (existing.labels.has(key)) fail(`duplicate label '${label}' (already in the project)`);
    if (label !== '' && !rowOfLabel.has(key)) rowOfLabel.set(key, row);

    const status = parseStatus(get('status'));
    if (!status) fail(`unknown status '${get('status')}' (use ${PARTICIPANT_STATUSES.join(', ')})`);
    const mode = parseMode(get('mode'));
    if (mode === undefined) fail(`unknown mode '${get('mode')}' (use in person, video, phone)`);
    const dateOf = (column: 'identified_date' | 'interview_date' | 'consent_date') => {
      const v = get(column);
      if (v === '') return null;
      if (!isIsoDate(v)) fail(`${column}: bad date '${v}' (use YYYY-MM-DD)`);
      return v;
    };
    const identifiedDate = dateOf('identified_date');
    const interviewDate = dateOf('interview_date');
    const consentDate = dateOf('consent_date');
    const durationText = get('duration_minutes');
    const durationMinutes = durationText === '' ? null : Number(durationText);
    if (durationMinutes !== null && !(Number.isInteger(durationMinutes) && durationMinutes > 0))
      fail(`duration_minutes: '${durationText}' is not a positive whole number`);
    const recordingAllowed = parseBoolean(get('recording_allowed'));
    if (recordingAllowed === undefined)
      fail(`recording_allowed: '${get('recording_allowed')}' is not yes or no`);
    const optional = (column: CsvColumn) => get(column) || null;

    participants.push({
      row,
      label,
      category: optional('category'),
      status: status ?? 'identified',
      identifiedDate,
      interviewDate,
      mode: mode ?? null,
      durationMinutes,
      interviewer: optional('interviewer'),
      consentVersion: optional('consent_version'),
      consentDate,
      recordingAllowed: recordingAllowed ?? null,
      anonymisation: optional('anonymisation'),
      notes: get('notes'),
      referredBy: get('referred_by')
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    });
  });

  checkReferrals(participants, existing, rowOfLabel, errors);
  errors.sort((a, b) => a.row - b.row);
  return { participants, errors };
}

/** Unknown referrers and cycles, once every label of the file is known. */
function checkReferrals(
  participants: readonly ImportedParticipant[],
  existing: ExistingSample,
  rowOfLabel: ReadonlyMap<string, number>,
  errors: CsvRowError[],
): void {
  // New participants get negative ids so they cannot clash with the project's.
  const idOf = new Map<string, number>(existing.labels);
  for (const [key, row] of rowOfLabel) if (!idOf.has(key)) idOf.set(key, -row);
  const labelOf = new Map<number, string>(existing.names);
  for (const p of participants) labelOf.set(idOf.get(p.label.toLowerCase()) ?? 0, p.label);
  const edges: ReferralEdge[] = [...existing.edges];
  for (const p of participants) {
    const referredId = idOf.get(p.label.toLowerCase());
    if (referredId === undefined || rowOfLabel.get(p.label.toLowerCase()) !== p.row) continue;
    const seen = new Set<string>();
    for (const referrer of p.referredBy) {
      const key = referrer.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const referrerId = idOf.get(key);
      if (referrerId === undefined) {
        errors.push({ row: p.row, message: `unknown referrer '${referrer}'` });
        continue;
      }
      const cycle = cycleIfAdded(edges, referrerId, referredId);
      if (cycle) {
        const names = cycle.map((id) => labelOf.get(id) ?? `#${id}`);
        errors.push({ row: p.row, message: `referral by '${referrer}' makes a cycle: ${names.join(' → ')}` });
        continue;
      }
      edges.push({ referrerId, referredId });
    }
  }
}
