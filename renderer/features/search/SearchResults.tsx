import { List, type RowComponentProps } from 'react-window';
import { useSelection } from '../../app/useSelection';
import { SnippetText } from './SnippetText';
import { useSearch } from './useSearch';

const ROW_HEIGHT = 96;

function open(documentId: number): void {
  const { byId, query } = useSearch.getState();
  const item = byId[documentId];
  const selection = useSelection.getState();
  selection.setSearchQuery(query);
  selection.openDocument(documentId, item?.firstHit ?? undefined);
}

function Row({ index, style, ids }: RowComponentProps<{ ids: number[] }>) {
  const id = ids[index]!;
  const item = useSearch((s) => s.byId[id]);
  if (!item) return <div style={style} />;
  return (
    <div style={style} className="search-row">
      <button
        type="button"
        className="search-result"
        onClick={() => open(id)}
        aria-label={`Open ${item.title}`}
      >
        <span className="search-result-head">
          <strong>{item.title}</strong>
          {item.hitCount !== null && (
            <span className="muted">
              {item.hitCount} {item.hitCount === 1 ? 'hit' : 'hits'}
            </span>
          )}
        </span>
        {item.snippets.slice(0, 2).map((s, i) => (
          <SnippetText key={i} snippet={s} />
        ))}
      </button>
    </div>
  );
}

/** Matching documents, virtualised; the next page loads when the end comes into view. */
export function SearchResults() {
  const ids = useSearch((s) => s.ids);
  return (
    <List
      className="search-results"
      aria-label="Search results"
      rowComponent={Row}
      rowCount={ids.length}
      rowHeight={ROW_HEIGHT}
      rowProps={{ ids }}
      defaultHeight={500}
      onRowsRendered={(visible) => {
        if (visible.stopIndex >= ids.length - 5) void useSearch.getState().loadMore();
      }}
    />
  );
}
