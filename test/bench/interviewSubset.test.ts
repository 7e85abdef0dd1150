// The study's interviews as a project of their own (bench/interviewSubset.ts), on a tiny generated study
// coded by three coders: every transcript comes over, with exactly the first two coders' segments on
// them — same ids for the codes, same guids for the segments, offsets still pointing at the same words.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../bench/api';
import { fillCodebook, fillSample, fillSegments } from '../../bench/fill';
import { generateStudy, writeStudyFiles } from '../../bench/generate';
import { buildInterviewSubset } from '../../bench/interviewSubset';
import { createRng } from '../../bench/rng';
import { planStudySegments, type CodableDocument } from '../../bench/segments';
import { newProjectSession, trackSession } from '../helpers/session';

interface SegmentRow {
  guid: string;
  title: string;
  codeId: number;
  coder: string;
  start: number;
  end: number;
  text: string;
  documentText: string;
}

const SEGMENTS = `SELECT s.guid, d.title, s.code_id AS codeId, c.name AS coder, s.start_utf16 AS start,
    s.end_utf16 AS end, s.text, d.text AS documentText
  FROM segments s JOIN documents d ON d.id = s.document_id JOIN coders c ON c.id = s.coder_id`;

describe('the bench study interviews as a project', () => {
  it('holds every transcript and the first two coders segments on them, as they were', async () => {
    const { session, file, dir } = await newProjectSession('bench');
    const study = generateStudy(11, 0.1);
    const dirs = writeStudyFiles(study, path.join(dir, 'files'));
    await runJob(session, 'documents.import', { paths: [dirs.documentsDir], kind: 'document' });
    await runJob(session, 'documents.import', { paths: [dirs.interviewsDir], kind: 'interview' });
    const { db } = session.requireProject();
    const codeIds = fillCodebook(db, study);
    fillSample(db, study);
    const documents = db
      .prepare('SELECT id, text, kind FROM documents ORDER BY id')
      .all() as CodableDocument[];
    const longId = documents.find((d) => d.kind === 'interview')!.id;
    const planned = planStudySegments(createRng(7), documents, codeIds, codeIds[1]!, longId, 0.1);
    fillSegments(db, planned, new Map(documents.map((d) => [d.id, d.text])), ['bench', 'coder 2', 'coder 3']);

    const expected = (db.prepare(`${SEGMENTS} WHERE d.kind = 'interview'`).all() as SegmentRow[]).filter(
      (s) => s.coder !== 'coder 3',
    );
    expect(expected.length).toBeGreaterThan(100);

    const subset = await buildInterviewSubset(file, dirs.interviewsDir, path.join(dir, 'interviews.passage'));
    trackSession(subset.session);
    const sub = subset.session.requireProject().db;
    expect(subset.documents).toBe(study.transcripts.length);
    expect(sub.prepare("SELECT count(*) FROM documents WHERE kind = 'interview'").pluck().get()).toBe(
      study.transcripts.length,
    );
    expect(sub.prepare("SELECT count(*) FROM documents WHERE kind = 'document'").pluck().get()).toBe(0);
    expect(subset.segments).toBe(expected.length);

    const byGuid = new Map((sub.prepare(SEGMENTS).all() as SegmentRow[]).map((s) => [s.guid, s]));
    expect(byGuid.size).toBe(expected.length);
    for (const s of expected) {
      const copy = byGuid.get(s.guid)!;
      expect(copy).toBeDefined();
      expect([copy.title, copy.codeId, copy.coder, copy.start, copy.end, copy.text]).toEqual([
        s.title,
        s.codeId,
        s.coder,
        s.start,
        s.end,
        s.text,
      ]);
      expect(copy.documentText.slice(copy.start, copy.end)).toBe(copy.text);
    }
    expect(sub.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(study.participants.length);
    expect(sub.prepare('SELECT count(*) FROM codes').pluck().get()).toBe(
      db.prepare('SELECT count(*) FROM codes').pluck().get(),
    );
  }, 120_000);
});
