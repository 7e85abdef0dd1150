import { useState } from 'react';
import { useSelection } from '../../app/useSelection';
import { Reader } from '../reader/Reader';
import { GroupsPanel } from '../search/GroupsPanel';
import { SearchPanel } from '../search/SearchPanel';
import { DocumentList } from './DocumentList';

const PANES = { documents: 'Documents', search: 'Search', groups: 'Groups' } as const;
type Pane = keyof typeof PANES;

/** Left: the corpus (list, search, groups); right: the reader for the chosen document. */
export function DocumentsArea() {
  const [pane, setPane] = useState<Pane>('documents');
  const documentId = useSelection((s) => s.documentId);
  return (
    <div className="documents-area">
      <aside className="corpus-pane">
        <div role="tablist" aria-label="Corpus" className="tabs">
          {(Object.keys(PANES) as Pane[]).map((p) => (
            <button key={p} type="button" role="tab" aria-selected={pane === p} onClick={() => setPane(p)}>
              {PANES[p]}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={PANES[pane]} className="corpus-pane-body">
          {pane === 'documents' && <DocumentList />}
          {pane === 'search' && <SearchPanel />}
          {pane === 'groups' && <GroupsPanel />}
        </div>
      </aside>
      <section className="reader-pane" aria-label={documentId === null ? 'Reader' : 'Document reader'}>
        <Reader />
      </section>
    </div>
  );
}
