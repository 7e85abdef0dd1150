import type Database from 'better-sqlite3';
import type { ReportOptions } from '../../shared/api/reports';
import { codebookOrder } from '../../shared/reports/codebook';
import { statement } from '../store/statements';
import { loadCodeGroups, loadCodes, loadNamed, loadWaves } from './load';

/** What the filters bar offers. */
export function reportOptions(db: Database.Database): ReportOptions {
  const groupCounts = new Map(
    (
      statement(
        db,
        'SELECT group_id AS id, count(*) AS n FROM document_group_members GROUP BY group_id',
      ).all() as {
        id: number;
        n: number;
      }[]
    ).map((r) => [r.id, r.n]),
  );
  const years = statement(
    db,
    'SELECT min(year) AS first, max(year) AS last FROM documents WHERE year IS NOT NULL',
  ).get() as {
    first: number | null;
    last: number | null;
  };
  return {
    codes: codebookOrder(loadCodes(db)),
    codeGroups: loadCodeGroups(db),
    documentGroups: [...loadNamed(db, 'document_groups')].map(([id, name]) => ({
      id,
      name,
      documentCount: groupCounts.get(id) ?? 0,
    })),
    categories: [...loadNamed(db, 'participant_categories')].map(([id, name]) => ({ id, name })),
    waves: [...new Set(loadWaves(db).values())].sort((a, b) => a - b),
    attributes: statement(db, 'SELECT scope, name, type FROM attributes ORDER BY scope, name').all() as {
      scope: 'document' | 'participant';
      name: string;
      type: string;
    }[],
    coders: statement(db, 'SELECT name FROM coders ORDER BY name').pluck().all() as string[],
    years: years.first === null || years.last === null ? null : { first: years.first, last: years.last },
  };
}
