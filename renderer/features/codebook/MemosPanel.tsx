import { useEffect, useState } from 'react';
import type { Memo } from '../../../shared/api/coding';
import { call } from '../../api/client';
import { useNavigation } from '../../app/useNavigation';
import { useRevision, useRevisions } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';

const KIND_LABEL: Record<Memo['kind'], string> = {
  project: 'Project',
  document: 'Document',
  code: 'Code',
  segment: 'Segment',
};

/** Every memo (project, document, code, segment) with search, and a form for project memos. */
export function MemosPanel({ codeId }: { codeId: number | null }) {
  const [query, setQuery] = useState('');
  const [memos, setMemos] = useState<Memo[]>([]);
  const [body, setBody] = useState('');
  const revisions = [useRevision('memos'), useRevision('segments'), useRevision('codes')];
  const key = revisions.join(':');
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call('memos.list', query.trim() ? { query: query.trim() } : {}).then((value) => {
        if (live) setMemos(value ?? []);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, key]);

  const add = async () => {
    if (!body.trim()) return;
    const memo = await call('memos.create', { body: body.trim(), ...(codeId !== null ? { codeId } : {}) });
    if (memo) {
      setBody('');
      useRevisions.getState().bump('memos');
    }
  };

  const open = (m: Memo) => {
    if (m.documentId === null) return;
    useSelection
      .getState()
      .openDocument(
        m.documentId,
        m.startUtf16 !== null && m.endUtf16 !== null
          ? { startUtf16: m.startUtf16, endUtf16: m.endUtf16 }
          : undefined,
      );
    useNavigation.getState().go('documents');
  };

  return (
    <section className="memos-panel" aria-label="Memos">
      <h3>Memos</h3>
      <input
        type="search"
        aria-label="Search memos"
        placeholder="Search memos…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <form
        aria-label="New memo"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <textarea
          aria-label="Memo text"
          rows={2}
          placeholder={codeId !== null ? 'Memo on the selected code…' : 'Project memo…'}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <button type="submit" disabled={!body.trim()}>
          {codeId !== null ? 'Add code memo' : 'Add project memo'}
        </button>
      </form>
      {memos.length === 0 && <p className="muted">{query ? 'No memo matches.' : 'No memos yet.'}</p>}
      <ul>
        {memos.map((m) => (
          <li key={`${m.kind}-${m.id}`}>
            <div className="memo-meta">
              <span className="memo-kind">{KIND_LABEL[m.kind]}</span>
              {m.targetLabel &&
                (m.documentId !== null ? (
                  <button type="button" className="link" onClick={() => open(m)}>
                    {m.targetLabel}
                  </button>
                ) : (
                  <span>{m.targetLabel}</span>
                ))}
              <span className="muted">
                {m.author} · {m.updatedAt.slice(0, 16).replace('T', ' ')}
              </span>
            </div>
            {m.title && <strong>{m.title}</strong>}
            <p>{m.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
