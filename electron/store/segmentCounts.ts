import type Database from 'better-sqlite3';

/**
 * The segment counts kept by triggers (migrations 0150, 0160, 0170) cost three upserts per segment
 * written: nothing for a keypress, but a merge or a bulk fill of a million segments took over twice
 * as long. Inside the caller's transaction, this runs `write` without those triggers, then counts the
 * tables again from the segments in one grouped pass each and puts the triggers back as they were.
 */
export function withCountsRebuiltAfter<T>(db: Database.Database, write: () => T): T {
  if (!db.inTransaction) throw new Error('withCountsRebuiltAfter: call it inside a transaction');
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'segments'
         AND name GLOB '*_counts_*' ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  const result = write();
  db.exec(`
    DELETE FROM document_segment_counts;
    INSERT INTO document_segment_counts (document_id, segments)
      SELECT document_id, count(*) FROM segments GROUP BY document_id;
    DELETE FROM coder_segment_counts;
    INSERT INTO coder_segment_counts (coder_id, segments)
      SELECT coder_id, count(*) FROM segments GROUP BY coder_id;
    DELETE FROM code_document_counts;
    INSERT INTO code_document_counts (code_id, document_id, segments)
      SELECT code_id, document_id, count(*) FROM segments GROUP BY code_id, document_id;`);
  for (const trigger of triggers) db.exec(trigger.sql);
  return result;
}
