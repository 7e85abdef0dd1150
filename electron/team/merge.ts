/**
 * Merging a coder's project (FROM) into the open one (INTO): a backup of INTO is written first with
 * SQLite's online backup API, then every row is brought in by the rules of mergeRows.ts in one
 * transaction — all or nothing — recorded as one undo entry of the merging coder. A merge too large to
 * journal (MAX_JOURNALLED_ROWS) is still one transaction but cannot be undone: the report says so, and
 * the backup is the way back. A REFI-QDA project (.qdpx, from another tool) is first imported into a
 * temporary Passage project by the exchange importer, and merged from there by the same rules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type { MergeReport } from '../../shared/api/team';
import { importRefiProject } from '../exchange/importProject';
import { closeProject, openProject } from '../store/openProject';
import type { ProjectGuard } from '../store/projectHealth';
import { withCountsRebuiltAfter } from '../store/segmentCounts';
import { statement } from '../store/statements';
import { runUndoable } from '../store/undo';
import { readMergeSource } from './mergeSource';
import { mergeAttributes, mergeGroups } from './mergeGroups';
import { mergeParticipants, mergeParticipantValues } from './mergeParticipants';
import { RowMerger, type RowWriter } from './mergeRows';

/** Above this many rows to bring in, the undo entry (every row, as JSON, in the file) would be too large. */
export const MAX_JOURNALLED_ROWS = 250_000;
/** From this many segments a merge counts them once after writing instead of by trigger per row. */
const BULK_SEGMENTS = 20_000;

type Row = Record<string, string | number | null>;

/** Plain inserts, for a merge that is not journalled. Column names come from our own row objects. */
function plainWriter(db: Database.Database): RowWriter {
  return {
    insert(table, row) {
      const columns = Object.keys(row).filter((c) => row[c] !== null || c !== 'id');
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) RETURNING *`;
      const params: Row = {};
      for (const c of columns) params[c] = row[c] ?? null;
      return statement(db, sql).get(params) as Row;
    },
  };
}

function backupName(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${file}.before-merge-${stamp}.backup`;
}

type MergeOptions = {
  nativeBinding?: string | undefined;
  maxJournalledRows?: number;
  /** Tests lower it to merge a few segments the bulk way. */
  bulkSegmentsFrom?: number;
};

/** The open project merged into; its guard (when given) is waited for before the merge writes. */
type MergeTarget = { db: Database.Database; path: string; guard?: Pick<ProjectGuard, 'checked'> };

export async function mergeProject(
  into: MergeTarget,
  fromFile: string,
  coderId: number,
  options: MergeOptions = {},
): Promise<MergeReport> {
  const from = path.resolve(fromFile);
  if (!fs.existsSync(from))
    throw new PassageError('not_found', `merge: ${path.basename(from)} does not exist`);
  if (fs.realpathSync(from) === fs.realpathSync(into.path))
    throw new PassageError('invalid_argument', `merge: ${path.basename(from)} is the open project itself`);
  if (path.extname(from).toLowerCase() !== '.qdpx') return mergeFrom(into, from, from, coderId, options);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-merge-qdpx-'));
  try {
    const imported = path.join(scratch, `${path.basename(from, path.extname(from))}.passage`);
    await importRefiProject(
      from,
      imported,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
    return await mergeFrom(into, imported, from, coderId, options);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Merges the Passage project `file`; `from` is what the user named (the .qdpx it was imported from). */
async function mergeFrom(
  into: MergeTarget,
  file: string,
  from: string,
  coderId: number,
  options: MergeOptions,
): Promise<MergeReport> {
  const source = await openProject(file, { nativeBinding: options.nativeBinding });
  try {
    const rows = readMergeSource(source.db);
    const backup = backupName(into.path);
    await into.db.backup(backup);
    // A project just opened may still be under its whole-file damage check, and until the verdict
    // every row written runs the guard's trigger (a stat of the file per row: 12 s of a 200,000-segment
    // merge). The first write would wait for the verdict anyway; waiting here lets the guard drop its
    // triggers before the merge's one long transaction, in which it could not.
    await into.guard?.checked();
    const size = rows.segments.length + rows.memos.length + rows.documents.length + rows.codes.length;
    const undoable = size <= (options.maxJournalledRows ?? MAX_JOURNALLED_ROWS);
    // Many segments at once: the count triggers' upserts cost more than counting again once after.
    const bulk = rows.segments.length >= (options.bulkSegmentsFrom ?? BULK_SEGMENTS);
    const run = (writer: RowWriter) =>
      bulk ? withCountsRebuiltAfter(into.db, () => merge(writer)) : merge(writer);
    const merge = (writer: RowWriter) => {
      const merger = new RowMerger(into.db, rows, writer);
      merger.mergeCoders();
      mergeParticipants(merger);
      merger.mergeDocuments();
      merger.mergeCodes();
      mergeGroups(merger);
      mergeParticipantValues(merger, mergeAttributes(merger));
      merger.mergeSegments();
      merger.mergeMemos();
      return merger;
    };
    const label = `Merge ${path.basename(from)}`;
    const merger = undoable
      ? runUndoable(into.db, coderId, label, (journal) => run(journal))
      : into.db.transaction(() => run(plainWriter(into.db))).immediate();
    const warnings = undoable
      ? []
      : [
          `this merge (${size} rows) is too large to undo; the project as it was before is saved as ${path.basename(backup)}`,
        ];
    return {
      from,
      into: into.path,
      backup,
      ...merger.counts,
      conflicts: merger.conflicts,
      undoable,
      warnings,
    };
  } finally {
    closeProject(source);
  }
}
