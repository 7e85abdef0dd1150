// Search over the whole corpus: term, phrase, prefix and boolean queries. Hit list < 10 ms, the first
// 100 snippets < 50 ms; the baseline is a bare FTS5 MATCH count on the same index. The hit list is what
// the researcher first waits for: the first page of 50 matching documents, ranked, and the total
// (search.run without snippets); every matching id (search.documentIds) was measured here before.
import type { Session } from '../electron/backend/session';
import { available, call, reason } from './api';
import { medianMs, notMeasured, underLimit, type Figure } from './figures';

/** The study's queries in our syntax, and the same in raw FTS5 syntax for the baseline. */
export const QUERIES: readonly { kind: string; ours: string; fts: string }[] = [
  { kind: 'term', ours: 'legitimacy', fts: 'legitimacy' },
  { kind: 'phrase', ours: '"protection of civilians"', fts: '"protection of civilians"' },
  { kind: 'prefix', ours: 'NGO*', fts: 'NGO*' },
  { kind: 'boolean', ours: 'NGO AND "civilian casualties"', fts: 'NGO AND "civilian casualties"' },
];

const SEARCH_CALL = 'search.run';
const SNIPPETS_CALL = 'search.run';

export async function measureSearch(session: Session): Promise<Figure[]> {
  const { db } = session.requireProject();
  const count = db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?');
  const figures: Figure[] = [];
  for (const q of QUERIES) {
    const baseline = await medianMs(5, () => count.get(q.fts));
    const hits = (count.get(q.fts) as { n: number }).n;
    const listName = `search ${q.kind} (${hits} docs): hit list`;
    const snippetName = `search ${q.kind}: first 100 snippets`;
    if (!available(SEARCH_CALL)) {
      figures.push(
        notMeasured(
          listName,
          'ms',
          '< 10 ms',
          `${SEARCH_CALL} not built; bare FTS5 count ${baseline.toFixed(2)} ms`,
        ),
      );
      figures.push(notMeasured(snippetName, 'ms', '< 50 ms', `${SNIPPETS_CALL} not built`));
      continue;
    }
    try {
      const ours = await medianMs(5, () =>
        call(session, SEARCH_CALL, { query: q.ours, limit: 50, snippets: false }),
      );
      figures.push(underLimit(listName, ours, 'ms', 10, baseline));
    } catch (error) {
      figures.push(notMeasured(listName, 'ms', '< 10 ms', reason(error)));
    }
    try {
      const ours = await medianMs(3, () =>
        call(session, SNIPPETS_CALL, { query: q.ours, limit: 100, order: 'relevance' }),
      );
      figures.push(underLimit(snippetName, ours, 'ms', 50, baseline));
    } catch (error) {
      figures.push(notMeasured(snippetName, 'ms', '< 50 ms', reason(error)));
    }
  }
  return figures;
}
