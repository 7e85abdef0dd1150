import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { PassageError } from '../../shared/api/result';
import type { ImportResult } from '../../shared/api/sample';
import { validateCsvRows } from '../../shared/sample/csvRows';
import { categoryIdByName, createCategory } from '../store/participantCategories';
import { createParticipant, listParticipantRecords, setStatus, today } from '../store/participants';
import { addReferral, listReferrals } from '../store/referrals';

const MAX_BYTES = 20 * 1024 * 1024;
const READ_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
};
// Header cells of a participant CSV are short column names. Anything else (a password file, a binary)
// is refused without quoting it: an error message must never show what a file the user did not mean holds.
const COLUMN_NAME = /^[\p{L}\p{N} _\-.()/]{0,60}$/u;

export function readCsvFile(file: string): string {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new PassageError('not_found', `${name} does not exist`);
  }
  if (stat.isDirectory()) throw new PassageError('invalid_argument', `${name} is a folder, not a CSV file`);
  if (stat.size > MAX_BYTES) throw new PassageError('invalid_argument', `${name} is larger than 20 MB`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new PassageError('io', `${name} cannot be read (${READ_PROBLEMS[code] ?? code ?? 'error'})`);
  }
}

function parseCsv(text: string): string[][] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      // Spreadsheets in some locales save with ';' or tabs; the header line tells which.
      delimiter: [',', ';', '\t'].find((d) => (text.split('\n')[0] ?? '').includes(d)) ?? ',',
    }) as string[][];
  } catch (error) {
    // csv-parse's own message quotes the offending cell; only its line number is passed on.
    const line = (error as { lines?: number }).lines;
    throw new PassageError(
      'invalid_argument',
      `not a readable CSV file${line === undefined ? '' : ` (line ${line} is malformed)`}`,
    );
  }
}

/**
 * Imports participants and referrals from CSV text: every row is checked first, and either all rows
 * are written in one transaction or, if any row fails, none (the errors come back with row numbers).
 */
export function importSampleCsv(db: Database.Database, text: string): ImportResult {
  const [header, ...records] = parseCsv(text);
  if (!header)
    return {
      imported: 0,
      referrals: 0,
      categoriesCreated: [],
      errors: [{ row: 1, message: 'the file is empty' }],
    };
  const oddColumn = header.findIndex((cell) => !COLUMN_NAME.test(cell.trim()));
  if (oddColumn !== -1)
    return {
      imported: 0,
      referrals: 0,
      categoriesCreated: [],
      errors: [
        {
          row: 1,
          message: `column ${oddColumn + 1} of the first line is not a column name (label, category, …): is this a participant CSV?`,
        },
      ],
    };
  const existing = listParticipantRecords(db);
  const { participants, errors } = validateCsvRows(header, records, {
    labels: new Map(existing.map((p) => [p.label.toLowerCase(), p.id])),
    names: new Map(existing.map((p) => [p.id, p.label])),
    edges: listReferrals(db),
  });
  if (errors.length > 0) return { imported: 0, referrals: 0, categoriesCreated: [], errors };

  return db
    .transaction((): ImportResult => {
      const categoriesCreated: string[] = [];
      const categoryId = (name: string | null) => {
        if (name === null) return null;
        const found = categoryIdByName(db, name);
        if (found !== undefined) return found;
        categoriesCreated.push(name);
        return createCategory(db, name).id;
      };
      const date = today();
      const ids = new Map<string, number>(existing.map((p) => [p.label.toLowerCase(), p.id]));
      for (const p of participants) {
        // Without identified_date, a participant interviewed before the import was identified no later than that.
        const identifiedOn = p.identifiedDate ?? earlierOf(date, p.interviewDate ?? date);
        const id = createParticipant(
          db,
          {
            label: p.label,
            categoryId: categoryId(p.category),
            interviewDate: p.interviewDate,
            interviewMode: p.mode,
            durationMinutes: p.durationMinutes,
            interviewer: p.interviewer,
            consentVersion: p.consentVersion,
            consentDate: p.consentDate,
            recordingAllowed: p.recordingAllowed,
            anonymisation: p.anonymisation,
            notes: p.notes,
          },
          'identified',
          identifiedOn,
        );
        // An interview recorded in the file dates the 'interviewed' entry; other statuses are as of the import.
        if (p.status !== 'identified') {
          const when =
            p.status === 'interviewed' && p.interviewDate ? p.interviewDate : laterOf(identifiedOn, date);
          setStatus(db, id, p.status, when, 'imported');
        }
        ids.set(p.label.toLowerCase(), id);
      }
      let referrals = 0;
      for (const p of participants) {
        for (const referrer of new Set(p.referredBy.map((r) => r.toLowerCase()))) {
          addReferral(db, {
            referrerId: ids.get(referrer)!,
            referredId: ids.get(p.label.toLowerCase())!,
            date: null,
            note: '',
          });
          referrals += 1;
        }
      }
      return { imported: participants.length, referrals, categoriesCreated, errors: [] };
    })
    .immediate();
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}
