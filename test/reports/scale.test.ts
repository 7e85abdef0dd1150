import { describe, expect, it } from 'vitest';
import { countCooccurrence, pairCount } from '../../shared/reports/cooccurrence';
import {
  cooccurrenceReport,
  evidenceReport,
  frequencyReport,
  timelineReport,
} from '../../electron/reports/reports';
import { loadSpans } from '../../electron/reports/load';
import { naiveCooccurrence } from '../../electron/reports/naive';
import { generatedProject } from './generatedProject';

/** Wall time and this process's CPU time: on a shared, loaded machine CPU time is the steadier measure. */
function time<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const fmt = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms (cpu ${t.cpu.toFixed(0)} ms)`;

// Correctness at the bench's scale; the speed figures themselves are `npm run bench`'s, never asserted here.
describe('report speed on a generated 648-document, 100,000-segment, 60-code project', () => {
  it('co-occurrence (both units), evidence of a 5,000-segment code, counts over time', async () => {
    const { db, study } = await generatedProject();
    // Warm SQLite's page cache (as after opening a project) without computing any report in advance.
    db.prepare('SELECT sum(end_utf16) FROM segments INDEXED BY segments_code_span').get();
    db.prepare('SELECT sum(length(text)) FROM segments').get();

    const cold = time(() => ({
      documents: cooccurrenceReport(db, { filters: {}, unit: 'documents', coefficient: true }),
      segments: cooccurrenceReport(db, { filters: {}, unit: 'segments', coefficient: true }),
    }));
    const evidence = time(() => evidenceReport(db, { codeIds: [study.bigCodeId] }, 'document'));
    const timeline = time(() =>
      timelineReport(db, { filters: { yearFrom: 2001 }, unit: 'documents', by: 'overall' }),
    );
    const again = time(() => frequencyReport(db, {}));
    console.log(
      `reports speed: co-occurrence 60×60 both units ${fmt(cold)}; evidence 5,000 segments ${fmt(evidence)}; ` +
        `counts over time ${fmt(timeline)}; frequencies after it (counts reused) ${fmt(again)}`,
    );
    expect(cold.value.documents.columns).toHaveLength(60);
    expect(cold.value.segments.rowGroups[0]!.rows).toHaveLength(60);
    expect(evidence.value.codes[0]!.segmentCount).toBe(5_000);
    expect(timeline.value.series[0]!.n).toBe(648 - 33); // year 2000 (documents 1, 21, …, 641: 33 of them) left out
  }, 300_000);
});

describe('the interval sweep agrees with the naive self-join', () => {
  it('on every cell of both units of a random project', async () => {
    const { db, study } = await generatedProject({
      documents: 40,
      codes: 12,
      segments: 3_000,
      bigCodeSegments: 300,
      seed: 3,
    });
    const sweep = countCooccurrence(loadSpans(db, study.codeIds, new Set(study.documentIds), null));
    for (const unit of ['documents', 'segments'] as const) {
      const naive = naiveCooccurrence(db, unit);
      const mine = unit === 'documents' ? sweep.documents : sweep.segments;
      let cells = 0;
      for (const a of study.codeIds)
        for (const b of study.codeIds) {
          expect(pairCount(mine, a, b), `${unit} ${a}×${b}`).toBe(naive.get(a)?.get(b) ?? 0);
          cells++;
        }
      expect(cells).toBe(144);
    }
    // Overlaps exist in this data, so the segments unit is not trivially the diagonal.
    expect([...sweep.segments.values()].some((m) => m.size > 1)).toBe(true);
  }, 120_000);
});
