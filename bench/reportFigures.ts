// Reports at study scale: co-occurrence of all 60 × 60 codes in both units (< 0.5 s, beside the naive
// self-join), the code matrix by code group (< 0.5 s), evidence for the 5,000-segment code (50,000 at
// 10×; first page and a middle page < 200 ms, the whole list beside them), counts over time (< 100 ms
// at 1×, < 500 ms at 10×, issue 18).
import type { Session } from '../electron/backend/session';
import { available, call, reason } from './api';
import { informational, medianMs, notMeasured, underLimit, type Figure } from './figures';
import { naiveCooccurrenceSql } from '../electron/reports/naive';
import { runSelfJoin, type SelfJoinResult } from './selfJoin';

const COOCCURRENCE_CALL = 'reports.cooccurrence';
const EVIDENCE_CALL = 'reports.evidence';
const EVIDENCE_PAGE_CALL = 'reports.evidencePage';
const TIMELINE_CALL = 'reports.timeline';
const MATRIX_CALL = 'reports.matrix';
/**
 * The naive self-join is stopped after 10 s at either scale: past that it only says how far the
 * baseline is behind, and waiting 30 s for the documents unit at 1× left too little of the bench's
 * 6 minutes for merge and REFI-QDA at both scales.
 */
const SELF_JOIN_TIMEOUT_MS = 10_000;

function describe(result: SelfJoinResult): string {
  return 'timedOut' in result ? `> ${result.timedOut} ms (stopped)` : `${Math.round(result.ms)} ms`;
}

async function cooccurrence(
  session: Session,
  unit: 'segments' | 'documents',
  codeIds: readonly number[],
): Promise<Figure> {
  const { path: file } = session.requireProject();
  const name = `co-occurrence 60×60, unit ${unit}`;
  const naive = await runSelfJoin(
    file,
    // The reports engineer's own baseline (electron/reports/naive.ts), so both count the same cells.
    naiveCooccurrenceSql(unit),
    SELF_JOIN_TIMEOUT_MS,
  );
  const baselineMs = 'timedOut' in naive ? naive.timedOut : naive.ms;
  const note = `baseline: naive SQL self-join (electron/reports/naive.ts), run once in a child process, ${describe(naive)}`;
  if (!available(COOCCURRENCE_CALL))
    return notMeasured(name, 'ms', '< 500 ms', `${COOCCURRENCE_CALL} not built; ${note}`);
  try {
    const ours = await medianMs(3, () => call(session, COOCCURRENCE_CALL, { unit, filters: { codeIds } }));
    return underLimit(name, ours, 'ms', 500, baselineMs, note);
  } catch (error) {
    return notMeasured(name, 'ms', '< 500 ms', `${reason(error)}; ${note}`);
  }
}

/** Quotes per code the Reports tab asks for at a time (renderer/features/reports/useReports.ts). */
const EVIDENCE_PAGE_SIZE = 200;

/**
 * Evidence of the big code: the first page the Reports tab shows (< 200 ms), a page from the middle of
 * the list ("Show more" far down, < 200 ms), and the whole list the CLI and the Word export read.
 */
async function evidenceFigures(
  session: Session,
  study: { bigCodeId: number; bigCodeSegments: number },
): Promise<Figure[]> {
  const quotes = study.bigCodeSegments.toLocaleString('en-GB');
  const firstName = `evidence for a ${quotes}-segment code, first page (${EVIDENCE_PAGE_SIZE} quotes)`;
  const middleName = `evidence for a ${quotes}-segment code, a page from the middle`;
  const wholeName = `evidence for a ${quotes}-segment code, whole list (CLI, Word export)`;
  if (!available(EVIDENCE_CALL) || !available(EVIDENCE_PAGE_CALL))
    return [notMeasured(firstName, 'ms', '< 200 ms', `${EVIDENCE_CALL} or ${EVIDENCE_PAGE_CALL} not built`)];
  const filters = { codeIds: [study.bigCodeId] };
  const figures: Figure[] = [];
  try {
    const whole = await medianMs(1, () => call(session, EVIDENCE_CALL, { filters }));
    const first = await medianMs(5, () =>
      call(session, EVIDENCE_CALL, { filters, pageSize: EVIDENCE_PAGE_SIZE }),
    );
    const offset = Math.floor(study.bigCodeSegments / 2);
    const middle = await medianMs(5, () =>
      call(session, EVIDENCE_PAGE_CALL, {
        filters,
        codeId: study.bigCodeId,
        offset,
        pageSize: EVIDENCE_PAGE_SIZE,
      }),
    );
    const note = `baseline: the whole list, ${Math.round(whole)} ms, in the same run`;
    figures.push(underLimit(firstName, first, 'ms', 200, whole, note));
    figures.push(underLimit(middleName, middle, 'ms', 200, whole, `offset ${offset}; ${note}`));
    figures.push(informational(wholeName, whole, 'ms', 'read in full, not paged'));
  } catch (error) {
    figures.push(notMeasured(firstName, 'ms', '< 200 ms', reason(error)));
  }
  return figures;
}

export async function measureReports(
  session: Session,
  study: { bigCodeId: number; codeIds: readonly number[]; bigCodeSegments: number; scale: number },
): Promise<Figure[]> {
  const figures: Figure[] = [];
  figures.push(await cooccurrence(session, 'segments', study.codeIds));
  figures.push(await cooccurrence(session, 'documents', study.codeIds));

  const matrixName = 'code matrix 60 codes × code groups, unit segments';
  try {
    const ms = await medianMs(3, () => call(session, MATRIX_CALL, { by: 'groups', unit: 'segments' }));
    figures.push(underLimit(matrixName, ms, 'ms', 500));
  } catch (error) {
    figures.push(notMeasured(matrixName, 'ms', '< 500 ms', reason(error)));
  }

  figures.push(...(await evidenceFigures(session, study)));

  const timelineName = 'counts over time (2002–2023)';
  const timelineLimit = study.scale > 1 ? 500 : 100;
  if (!available(TIMELINE_CALL))
    figures.push(notMeasured(timelineName, 'ms', `< ${timelineLimit} ms`, `${TIMELINE_CALL} not built`));
  else {
    try {
      const ms = await medianMs(5, () => call(session, TIMELINE_CALL, { unit: 'segments', by: 'codes' }));
      figures.push(underLimit(timelineName, ms, 'ms', timelineLimit));
    } catch (error) {
      figures.push(notMeasured(timelineName, 'ms', `< ${timelineLimit} ms`, reason(error)));
    }
  }
  return figures;
}
