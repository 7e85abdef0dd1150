/**
 * Round trip of the bench's generated study (648 documents, 26 transcripts, 60 codes in 8 groups,
 * 40 participants with referrals, 100,000 segments): Passage → .qdpx → Passage gives the same rows.
 * Prints the export and import times (a figure, not an assertion: this machine's load varies).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillCodebook, fillSample, fillSegments, fillYears } from '../../bench/fill';
import { generateStudy } from '../../bench/generate';
import { createRng } from '../../bench/rng';
import { planSegments, type CodableDocument } from '../../bench/segments';
import { exportRefiProject } from '../../electron/exchange/exportProject';
import { importRefiProject } from '../../electron/exchange/importProject';
import { insertDocument } from '../../electron/store/documents';
import { closeProject, openProject } from '../../electron/store/openProject';
import { tempDir } from '../helpers/tmp';
import { snapshot } from './fixture';

describe('REFI-QDA round trip of the bench study', () => {
  it('comes back the same', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.passage');
    const project = await openProject(file, { create: true });
    const study = generateStudy();
    try {
      const { db } = project;
      db.transaction(() => {
        for (const d of study.documents)
          insertDocument(db, { title: d.fileName.replace(/\.txt$/, ''), text: d.text });
        for (const t of study.transcripts)
          insertDocument(db, { title: t.fileName.replace(/\.txt$/, ''), text: t.text, kind: 'interview' });
      })();
      const documents = db
        .prepare('SELECT id, text, kind FROM documents ORDER BY id')
        .all() as CodableDocument[];
      const codeIds = fillCodebook(db, study);
      fillSample(db, study);
      fillYears(db, study);
      const segments = planSegments(createRng(7), documents, codeIds, codeIds[1]!);
      fillSegments(db, segments, new Map(documents.map((d) => [d.id, d.text])), 'bench');
      const started = performance.now();
      const summary = await exportRefiProject(db, file, path.join(dir, 'study.qdpx'), false);
      const exported = performance.now();
      expect(summary.segments).toBe(segments.length);
      expect(summary.warnings.join('\n')).toMatch(/referral graph/);
      await importRefiProject(path.join(dir, 'study.qdpx'), path.join(dir, 'back.passage'));
      const imported = performance.now();
      console.log(
        `bench study: export ${((exported - started) / 1000).toFixed(1)} s (${(summary.bytes / 1e6).toFixed(1)} MB), re-import ${((imported - exported) / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
      );
    } finally {
      closeProject(project);
    }
    expect(snapshot(path.join(dir, 'back.passage'))).toEqual(snapshot(file));
  }, 600_000);
});
