import { useEffect, useState } from 'react';
import type { RetrievedSegments as Retrieved } from '../../../shared/api/coding';
import { call } from '../../api/client';
import { useNavigation } from '../../app/useNavigation';
import { useRevision } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';

const PAGE = 200;

/** Every segment of a code with its context; a click opens the document at the passage. */
export function RetrievedSegments({ codeId }: { codeId: number }) {
  const [withChildren, setWithChildren] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [result, setResult] = useState<Retrieved | null>(null);
  const segmentsRevision = useRevision('segments');
  const codesRevision = useRevision('codes');
  useEffect(() => {
    let live = true;
    void call('segments.listByCode', { codeId, includeDescendants: withChildren, limit }).then((value) => {
      if (live) setResult(value ?? null);
    });
    return () => {
      live = false;
    };
  }, [codeId, withChildren, limit, segmentsRevision, codesRevision]);

  const open = (documentId: number, startUtf16: number, endUtf16: number) => {
    useSelection.getState().openDocument(documentId, { startUtf16, endUtf16 });
    useNavigation.getState().go('documents');
  };

  return (
    <section className="retrieved" aria-label="Retrieved segments">
      <header>
        <h4>Retrieved segments{result ? ` (${result.total})` : ''}</h4>
        <label>
          <input type="checkbox" checked={withChildren} onChange={(e) => setWithChildren(e.target.checked)} />
          include sub-codes
        </label>
      </header>
      {result && result.items.length === 0 && <p className="muted">No segments coded with this code yet.</p>}
      <ol>
        {result?.items.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="retrieved-item"
              onClick={() => open(s.documentId, s.startUtf16, s.endUtf16)}
            >
              <span className="retrieved-source">
                {s.documentTitle}
                {withChildren ? ` · ${s.codeName}` : ''} · {s.coder}
              </span>
              <span className="retrieved-text">
                {s.before && <span className="retrieved-context">…{s.before}</span>}
                <mark>{s.text}</mark>
                {s.after && <span className="retrieved-context">{s.after}…</span>}
              </span>
              {s.memo && <span className="retrieved-memo">Memo: {s.memo}</span>}
            </button>
          </li>
        ))}
      </ol>
      {result && result.total > result.items.length && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          Show more ({result.total - result.items.length} left)
        </button>
      )}
    </section>
  );
}
