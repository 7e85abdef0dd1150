// Fills the codebook, the sample and the 100,000 segments (1,000,000 at 10×) into the bench project. These are bulk paths
// (one transaction of prepared inserts into the shipped schema), not the per-action API calls: applying
// 100,000 segments one undoable call at a time is not what the figures measure, and would take minutes.
import { withCountsRebuiltAfter } from '../electron/store/segmentCounts';
import type Database from 'better-sqlite3';
import { statement } from '../electron/store/statements';
import type { Study } from './generate';
import type { PlannedSegment } from './segments';

const NOW = '2026-01-01T00:00:00.000Z';

/** Returns the code ids in the order of study.codes. */
export function fillCodebook(db: Database.Database, study: Study): number[] {
  return db.transaction(() => {
    const ids: number[] = [];
    const insertCode = statement(
      db,
      `INSERT INTO codes (parent_id, name, color, position, created_at)
       VALUES (@parentId, @name, @color, @position, @now) RETURNING id`,
    );
    study.codes.forEach((code, i) => {
      const parentId = code.parent === null ? null : ids[code.parent]!;
      const row = insertCode.get({ parentId, name: code.name, color: code.color, position: i, now: NOW }) as {
        id: number;
      };
      ids.push(row.id);
    });
    const insertGroup = statement(
      db,
      'INSERT INTO code_groups (name, position) VALUES (@name, @position) RETURNING id',
    );
    const groupIds = study.codeGroups.map(
      (name, position) => (insertGroup.get({ name, position }) as { id: number }).id,
    );
    const member = statement(
      db,
      'INSERT INTO code_group_members (group_id, code_id) VALUES (@groupId, @codeId)',
    );
    study.codes.forEach((code, i) => {
      for (const g of code.groups) member.run({ groupId: groupIds[g]!, codeId: ids[i]! });
    });
    return ids;
  })();
}

/** Participants with their referral graph; transcripts are linked to their interviewee by file name. */
export function fillSample(db: Database.Database, study: Study): number[] {
  return db.transaction(() => {
    const categoryIds = new Map<string, number>();
    const insertCategory = statement(
      db,
      'INSERT INTO participant_categories (name, position) VALUES (@name, @position) RETURNING id',
    );
    const insertParticipant = statement(
      db,
      `INSERT INTO participants (label, category_id, status, created_at)
       VALUES (@label, @categoryId, @status, @now) RETURNING id`,
    );
    const insertReferral = statement(
      db,
      `INSERT INTO referrals (referrer_id, referred_id, created_at) VALUES (@referrer, @referred, @now)`,
    );
    const ids: number[] = [];
    study.participants.forEach((p, i) => {
      if (!categoryIds.has(p.category)) {
        const row = insertCategory.get({ name: p.category, position: categoryIds.size }) as { id: number };
        categoryIds.set(p.category, row.id);
      }
      const status = i < study.transcripts.length ? 'interviewed' : 'contacted';
      const row = insertParticipant.get({
        label: p.label,
        categoryId: categoryIds.get(p.category)!,
        status,
        now: NOW,
      }) as { id: number };
      ids.push(row.id);
      if (p.referredBy !== null)
        insertReferral.run({ referrer: ids[p.referredBy]!, referred: row.id, now: NOW });
    });
    const link = statement(
      db,
      'UPDATE documents SET participant_id = @participantId WHERE file_name = @fileName',
    );
    for (const t of study.transcripts) {
      const index = study.participants.findIndex((p) => p.label === t.participantLabel);
      link.run({ participantId: ids[index]!, fileName: t.fileName });
    }
    return ids;
  })();
}

/** Dates for documents whose import did not find one (the bench's counts over time need years). */
export function fillYears(db: Database.Database, study: Study): number {
  return db.transaction(() => {
    const update = statement(
      db,
      'UPDATE documents SET date = @date WHERE file_name = @fileName AND date IS NULL',
    );
    let changed = 0;
    for (const d of study.documents)
      changed += update.run({ date: String(d.year), fileName: d.fileName }).changes;
    return changed;
  })();
}

/**
 * Segments split round-robin between the coders (one at 1×, four at 10×), each coder added if missing.
 * A million rows inserted into the segments indexes one by one thrash SQLite's 2 MB page cache (35 s for
 * 300,000 under load): the indexes are dropped and built again after the insert, from their own stored
 * definitions, and the cache is large while it runs.
 */
export function fillSegments(
  db: Database.Database,
  segments: readonly PlannedSegment[],
  texts: ReadonlyMap<number, string>,
  coder: string | readonly string[],
): void {
  const coders = typeof coder === 'string' ? [coder] : coder;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  db.transaction(() => {
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'segments' AND sql IS NOT NULL",
      )
      .all() as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    const addCoder = statement(db, 'INSERT OR IGNORE INTO coders (name, created_at) VALUES (@coder, @now)');
    const coderIdOf = statement(db, 'SELECT id FROM coders WHERE name = @coder');
    const coderIds = coders.map((name) => {
      addCoder.run({ coder: name, now: NOW });
      return (coderIdOf.get({ coder: name }) as { id: number }).id;
    });
    const insert = statement(
      db,
      `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
       VALUES (@documentId, @codeId, @startUtf16, @endUtf16, @text, @coderId, @now, @now)`,
    );
    // As a large merge does: the count triggers' upserts per row cost more than counting once after.
    withCountsRebuiltAfter(db, () =>
      segments.forEach((s, i) => {
        const text = texts.get(s.documentId)!.slice(s.startUtf16, s.endUtf16);
        insert.run({ ...s, text, coderId: coderIds[i % coderIds.length]!, now: NOW });
      }),
    );
    for (const index of indexes) db.exec(index.sql);
  })();
  db.pragma(`cache_size = ${cacheSize}`);
}
