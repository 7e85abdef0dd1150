import type Database from 'better-sqlite3';
import type { ProjectCounts } from '../../shared/api/project';
import { statement } from './statements';

/** On every open: the segments are summed from the counts their triggers keep (0150), not counted. */
export function countRows(db: Database.Database): ProjectCounts {
  return statement(
    db,
    `SELECT
      (SELECT count(*) FROM documents) AS documents,
      (SELECT count(*) FROM codes) AS codes,
      (SELECT coalesce(sum(segments), 0) FROM document_segment_counts) AS segments,
      (SELECT count(*) FROM participants) AS participants,
      (SELECT count(*) FROM document_groups) AS documentGroups,
      (SELECT count(*) FROM code_groups) AS codeGroups,
      (SELECT count(*) FROM memos) AS memos`,
  ).get() as ProjectCounts;
}
