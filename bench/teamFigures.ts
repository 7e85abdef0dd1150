// Issue 15: inter-coder agreement over the bench study's interviews, by characters and by paragraphs
// (each < 1 s), and merging one coder's copy of the study into another's (< 10 s). The study's segments
// all carry the bench coder; the figures work on a copy of the project (SQLite backup) where they
// alternate between coders A and B, so the study the other figures use is left as it was. Run alone
// (the study built as run.ts builds it): node scripts/benchPart.mjs test/team/figures/teamFigures.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../electron/backend/session';
import { closeProject, openProject } from '../electron/store/openProject';
import { ensureCoder } from '../electron/store/coders';
import { withCountsRebuiltAfter } from '../electron/store/segmentCounts';
import { agreementReport } from '../electron/team/agreement';
import { makeCodingCopies } from '../electron/team/copies';
import { mergeProject } from '../electron/team/merge';
import { reason } from './api';
import { medianMs, notMeasured, onceMs, underLimit, type Figure } from './figures';

export interface TeamBenchContext {
  /** A folder the figures may write project copies into. */
  scratch: string;
  /** What the session's project is, in the figures' names ("the study", "the study's interviews"). */
  what?: string;
  /** Timed runs of each agreement (after a warm-up run); 3 unless the caller's budget says fewer. */
  runs?: number;
  /**
   * The study's scale: issue 18 lets the team issue's limits grow with the work, by ten at most, so
   * the limits are multiplied by min(scale, 10) (1 s and 10 s at 1×; 10 s and 100 s at 10×).
   */
  scale?: number;
  /** Measure the merge only (the caller measured agreement on the study itself). */
  mergeOnly?: boolean;
}

const AGREEMENT_LIMIT_MS = 1000;
const MERGE_LIMIT_MS = 10_000;

type Db = Awaited<ReturnType<typeof openProject>>['db'];

/** Every other segment to B (the rest to A), and a group of the interviews to compare. */
function splitBetweenCoders(db: Db): number {
  const a = ensureCoder(db, 'A');
  const b = ensureCoder(db, 'B');
  return db.transaction(() => {
    db.prepare('UPDATE segments SET coder_id = CASE WHEN id % 2 = 0 THEN @a ELSE @b END').run({ a, b });
    const { id } = db
      .prepare(
        "INSERT INTO document_groups (name, created_at) VALUES ('Bench interviews', '2026-01-01T00:00:00.000Z') RETURNING id",
      )
      .get() as { id: number };
    db.prepare(
      "INSERT INTO document_group_members (group_id, document_id) SELECT @id, id FROM documents WHERE kind = 'interview'",
    ).run({ id });
    return id;
  })();
}

async function agreementFigures(
  db: Db,
  groupId: number,
  runs: number,
  limit: number,
  coders: readonly [string, string] = ['A', 'B'],
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const unit of ['characters', 'paragraphs'] as const) {
    const name = `agreement of 2 coders by ${unit} (the study's interviews)`;
    try {
      let note = '';
      const ms = await medianMs(runs, () => {
        const r = agreementReport(db, { coders: [...coders], unit, documentGroupId: groupId });
        note = `${r.documentCount} interviews, ${r.codes.length} codes, ${r.overall.units.toLocaleString('en')} (unit, code) pairs; ${runs === 1 ? 'one run after a warm-up' : `median of ${runs}`}`;
      });
      figures.push(underLimit(name, ms, 'ms', limit, null, note));
    } catch (error) {
      figures.push(notMeasured(name, 'ms', `< ${limit} ms`, reason(error)));
    }
  }
  return figures;
}

/** B's copy (only B's segments) merged into A's copy (only A's), as after coding apart. */
async function mergeFigure(
  db: Db,
  file: string,
  scratch: string,
  what: string,
  limit: number,
): Promise<Figure> {
  const name = `merging a coder's copy of ${what} into another's`;
  try {
    const folder = path.join(scratch, 'team-copies');
    fs.mkdirSync(folder, { recursive: true });
    const [copyA, copyB] = await makeCodingCopies(db, file, {
      coders: ['A', 'B'],
      folder,
      withoutSegments: false,
    });
    for (const [copy, other] of [
      [copyA!, 'B'],
      [copyB!, 'A'],
    ] as const) {
      const p = await openProject(copy.path);
      // Bench setup, not the figure: delete once the damage check is in (no guard trigger per row).
      await p.guard.checked();
      // Counted once after, not by trigger per deleted row (half the segments).
      p.db.transaction(() =>
        withCountsRebuiltAfter(p.db, () =>
          p.db
            .prepare('DELETE FROM segments WHERE coder_id = (SELECT id FROM coders WHERE name = ?)')
            .run(other),
        ),
      )();
      closeProject(p);
    }
    const into = await openProject(copyA!.path);
    try {
      let note = '';
      const ms = await onceMs(async () => {
        const report = await mergeProject(into, copyB!.path, ensureCoder(into.db, 'A'));
        note = `${report.added.segments.toLocaleString('en')} segments added, ${report.alreadyPresent.documents} documents matched, backup first, ${report.undoable ? 'one undo step' : 'not undoable'}`;
      });
      return underLimit(name, ms, 'ms', limit, null, note);
    } finally {
      closeProject(into);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  } catch (error) {
    return notMeasured(name, 'ms', `< ${limit} ms`, reason(error));
  }
}

export async function measureTeam(session: Session, ctx: TeamBenchContext): Promise<Figure[]> {
  const file = path.join(ctx.scratch, 'team-study.passage');
  try {
    await session.requireProject().db.backup(file);
  } catch (error) {
    return [notMeasured('team coding figures', 'ms', 'report', reason(error))];
  }
  const growth = Math.min(Math.max(ctx.scale ?? 1, 1), 10);
  const project = await openProject(file);
  try {
    // Until the damage check's verdict every row written runs the guard's trigger (a stat per row).
    await project.guard.checked();
    const groupId = splitBetweenCoders(project.db);
    return [
      ...(ctx.mergeOnly
        ? []
        : await agreementFigures(project.db, groupId, ctx.runs ?? 3, AGREEMENT_LIMIT_MS * growth)),
      await mergeFigure(project.db, file, ctx.scratch, ctx.what ?? 'the study', MERGE_LIMIT_MS * growth),
    ];
  } finally {
    closeProject(project);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

/**
 * Agreement on the study itself when two of its coders already coded it (the 10× study has four): no
 * copy of the project is needed. The group of interviews it compares is made inside a savepoint that
 * is rolled back, so the study is left exactly as it was.
 */
export async function measureStudyAgreement(
  session: Session,
  ctx: { coders: readonly [string, string]; runs: number; scale: number },
): Promise<Figure[]> {
  const { db } = session.requireProject();
  const growth = Math.min(Math.max(ctx.scale, 1), 10);
  db.exec('SAVEPOINT bench_agreement');
  try {
    const { id } = db
      .prepare(
        "INSERT INTO document_groups (name, created_at) VALUES ('Bench interviews', '2026-01-01T00:00:00.000Z') RETURNING id",
      )
      .get() as { id: number };
    db.prepare(
      "INSERT INTO document_group_members (group_id, document_id) SELECT @id, id FROM documents WHERE kind = 'interview'",
    ).run({ id });
    return await agreementFigures(db, id, ctx.runs, AGREEMENT_LIMIT_MS * growth, ctx.coders);
  } finally {
    db.exec('ROLLBACK TO bench_agreement; RELEASE bench_agreement');
  }
}
