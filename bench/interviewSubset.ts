// The study's interviews as a project of their own (issue 18): at 10× the team, REFI-QDA and privacy-scan
// figures cannot run on the whole study within the bench's budget (a copy of 800 MB per coder, an
// export of a million segments), so they run at both scales on this subset — every transcript (the
// 200,000-word one with its 50,000 segments among them) with the segments of the study's first two
// coders on them (all of them at 1×, one coder; half at 10×, four coders), the codes and the
// participants — and name it. Built by our import plus rows copied from the study's file.
import type Database from 'better-sqlite3';
import { Session } from '../electron/backend/session';
import { call, runJob } from './api';

export interface InterviewSubset {
  session: Session;
  file: string;
  documents: number;
  segments: number;
}

/** Codes, coders and participants as in the study; segments moved onto the imported transcripts. */
function copyCoding(db: Database.Database, studyFile: string): number {
  db.prepare('ATTACH DATABASE ? AS study').run(studyFile);
  try {
    return db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      db.exec(`
        INSERT INTO codes (id, guid, parent_id, name, color, description, shortcut, position, created_at, codable)
          SELECT id, guid, parent_id, name, color, description, shortcut, position, created_at, codable
          FROM study.codes;
        INSERT OR IGNORE INTO coders (guid, name, color, created_at)
          SELECT guid, name, color, created_at FROM study.coders;
        INSERT INTO participants (guid, label, status, created_at)
          SELECT guid, label, status, created_at FROM study.participants;
        CREATE TEMP TABLE subset_documents (study_id INTEGER PRIMARY KEY, id INTEGER NOT NULL);
        INSERT INTO subset_documents
          SELECT s.id, d.id FROM study.documents s JOIN main.documents d ON d.title = s.title
          WHERE s.kind = 'interview';
        CREATE TEMP TABLE subset_coders (study_id INTEGER PRIMARY KEY, id INTEGER NOT NULL);
        INSERT INTO subset_coders
          SELECT s.id, c.id FROM study.coders s JOIN main.coders c ON c.name = s.name
          WHERE s.id IN (SELECT k.id FROM study.coders k
            WHERE EXISTS (SELECT 1 FROM study.segments g WHERE g.coder_id = k.id) ORDER BY k.id LIMIT 2);`);
      const { changes } = db
        .prepare(
          `INSERT INTO segments (guid, document_id, code_id, start_utf16, end_utf16, text, memo, coder_id,
             created_at, updated_at)
           SELECT s.guid, d.id, s.code_id, s.start_utf16, s.end_utf16, s.text, s.memo, c.id, s.created_at,
             s.updated_at
           FROM study.segments s JOIN subset_documents d ON d.study_id = s.document_id
           JOIN subset_coders c ON c.study_id = s.coder_id`,
        )
        .run();
      db.exec('DROP TABLE subset_documents; DROP TABLE subset_coders;');
      return changes;
    })();
  } finally {
    db.exec('DETACH DATABASE study');
  }
}

/** A session on a new project at `file` holding the study's interviews (the caller closes it). */
export async function buildInterviewSubset(
  studyFile: string,
  interviewsDir: string,
  file: string,
): Promise<InterviewSubset> {
  const session = new Session('cli', { coder: 'bench' });
  try {
    await call(session, 'project.create', { path: file });
    const summary = (await runJob(session, 'documents.import', {
      paths: [interviewsDir],
      kind: 'interview',
    })) as { imported: unknown[] };
    const segments = copyCoding(session.requireProject().db, studyFile);
    return { session, file, documents: summary.imported.length, segments };
  } catch (error) {
    session.close();
    throw error;
  }
}
