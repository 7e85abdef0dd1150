// The Word appendix's co-occurrence table with its own settings on a copy of a study (issue 17 at 10×):
// what the dialog's outline (which now runs the report for the caption's N) and the export cost, each a
// ratio to the bare co-occurrence report measured in the same run. Usage (on a COPY of the study):
//   PASSAGE_PROBE_STUDY=/tmp/copy/study.passage node scripts/benchPart.mjs bench/exportCooccurrenceProbe.ts
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { invoke } from '../electron/backend/dispatch';
import { Session } from '../electron/backend/session';
import type { ExportOptionsInput, ExportResult } from '../shared/api/export';

const study = process.env.PASSAGE_PROBE_STUDY;
if (!study) throw new Error('PASSAGE_PROBE_STUDY: the copy of the study to probe');
process.env.PASSAGE_HOME ??= path.join(path.dirname(study), 'home');

async function timed<T>(label: string, run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(64)} ${ms.toFixed(0).padStart(6)} ms`);
  return { ms, value };
}

const session = new Session('cli', { coder: 'probe' });
await invoke(session, 'project.open', { path: study });
const db = session.requireProject().db;
const groupName = 'Probe NGOs';
let group = (await invoke(session, 'documentGroups.list', {})).find((g) => g.name === groupName);
if (!group) {
  // Every 16th document: about 400 of the 10× study's 6,480, as the paper's NGO group is.
  const ids = (db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: number }[])
    .map((r) => r.id)
    .filter((_, i) => i % 16 === 0);
  group = await invoke(session, 'documentGroups.create', { name: groupName, documentIds: ids });
}
const codeGroups = (await invoke(session, 'reports.options', {})).codeGroups;
const rows = codeGroups.find((g) => g.name === 'Legitimacy') ?? codeGroups[0]!;
const columns = rows.codeIds.slice(0, 2);
const filters = { documentGroupIds: [group.id] };
const own: ExportOptionsInput = {
  sections: ['cooccurrence'],
  cooccurrence: { unit: 'documents', rowCodeGroupIds: [rows.id], columnCodeIds: columns, filters },
};
console.log(
  `study ${study}: ${group.documentCount} documents in ${groupName}; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

/** Any write of ours makes the report cache forget (it keys on total_changes()): the next run is cold. */
function forgetReports(): void {
  db.prepare(
    `INSERT INTO project_settings (key, value) VALUES ('probe', '1') ON CONFLICT (key) DO UPDATE SET value = value + 1`,
  ).run();
}

for (const round of [1, 2]) {
  forgetReports();
  const bare = await timed(`round ${round}: reports.cooccurrence (baseline, cold)`, () =>
    invoke(session, 'reports.cooccurrence', {
      filters,
      rowCodeGroupIds: [rows.id],
      columnCodeIds: columns,
      unit: 'documents',
    }),
  );
  forgetReports();
  const outline = await timed(`round ${round}: export.outline with its own settings (cold)`, () =>
    invoke(session, 'export.outline', { options: own }),
  );
  const warm = await timed(`round ${round}: export.outline again (report cached)`, () =>
    invoke(session, 'export.outline', { options: own }),
  );
  const target = path.join(path.dirname(study), `probe-${round}.docx`);
  const exported = await timed(`round ${round}: export.start docx, table only (cached)`, async () => {
    const { jobId } = await invoke(session, 'export.start', {
      options: own,
      format: 'docx',
      target,
      overwrite: true,
    });
    const status = await session.jobs.wait(jobId);
    return status.result as ExportResult;
  });
  // The same table as the export made it before the part had settings: the export's codes and filters.
  const before = await timed(`round ${round}: export.start docx, table from the export's codes`, async () => {
    const { jobId } = await invoke(session, 'export.start', {
      options: { sections: ['cooccurrence'], codeGroupIds: [rows.id], codeIds: columns, filters },
      format: 'docx',
      target,
      overwrite: true,
    });
    await session.jobs.wait(jobId);
  });
  console.log(`  export with own settings / export before: ${(exported.ms / before.ms).toFixed(2)}`);
  console.log(
    `  outline/report ${(outline.ms / bare.ms).toFixed(2)}, warm outline/report ${(warm.ms / bare.ms).toFixed(2)}, export/report ${(exported.ms / bare.ms).toFixed(2)}; caption: ${outline.value.items.find((i) => i.level === 3)?.text}`,
  );
}
session.close();
