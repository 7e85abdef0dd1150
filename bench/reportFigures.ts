// Reports at study scale: co-occurrence of all 60 × 60 codes in both units (< 0.5 s, beside the naive
// self-join), the code matrix by code group (< 0.5 s), evidence for the 5,000-segment code (50,000 at 10×;
// < 200 ms), counts over time (< 100 ms at 1×, < 500 ms at 10×, issue 18).
import type { Session } from '../electron/backend/session';
import { available, call, reason } from './api';
import { medianMs, notMeasured, underLimit, type Figure } from './figures';
import { naiveCooccurrenceSql } from '../electron/reports/naive';
import { runSelfJoin, type SelfJoinResult } from './selfJoin';

const COOCCURRENCE_CALL = 'reports.cooccurrence';
const EVIDENCE_CALL = 'reports.evidence';
const TIMELINE_CALL = 'reports.timeline';
const MATRIX_CALL = 'reports.matrix';
/** At 10× the naive self-join is stopped sooner: it only says how far the baseline is behind. */
const selfJoinTimeoutMs = (scale: number): number => (scale > 1 ? 10_000 : 30_000);

function describe(result: SelfJoinResult): string {
  return 'timedOut' in result ? `> ${result.timedOut} ms (stopped)` : `${Math.round(result.ms)} ms`;
}

async function cooccurrence(
  session: Session,
  unit: 'segments' | 'documents',
  codeIds: readonly number[],
  scale: number,
): Promise<Figure> {
  const { path: file } = session.requireProject();
  const name = `co-occurrence 60×60, unit ${unit}`;
  const naive = await runSelfJoin(
    file,
    // The reports engineer's own baseline (electron/reports/naive.ts), so both count the same cells.
    naiveCooccurrenceSql(unit),
    selfJoinTimeoutMs(scale),
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

export async function measureReports(
  session: Session,
  study: { bigCodeId: number; codeIds: readonly number[]; bigCodeSegments: number; scale: number },
): Promise<Figure[]> {
  const figures: Figure[] = [];
  figures.push(await cooccurrence(session, 'segments', study.codeIds, study.scale));
  figures.push(await cooccurrence(session, 'documents', study.codeIds, study.scale));

  const matrixName = 'code matrix 60 codes × code groups, unit segments';
  try {
    const ms = await medianMs(3, () => call(session, MATRIX_CALL, { by: 'groups', unit: 'segments' }));
    figures.push(underLimit(matrixName, ms, 'ms', 500));
  } catch (error) {
    figures.push(notMeasured(matrixName, 'ms', '< 500 ms', reason(error)));
  }

  // reports.evidence is not paged: the figure is the whole list, which bounds its first page.
  const evidenceName = `evidence for a ${study.bigCodeSegments.toLocaleString('en-GB')}-segment code (whole list, not paged)`;
  if (!available(EVIDENCE_CALL))
    figures.push(notMeasured(evidenceName, 'ms', '< 200 ms', `${EVIDENCE_CALL} not built`));
  else {
    try {
      const ms = await medianMs(3, () =>
        call(session, EVIDENCE_CALL, { filters: { codeIds: [study.bigCodeId] } }),
      );
      figures.push(underLimit(evidenceName, ms, 'ms', 200));
    } catch (error) {
      figures.push(notMeasured(evidenceName, 'ms', '< 200 ms', reason(error)));
    }
  }

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
