import { useEffect, useState } from 'react';
import { useRevision } from '../../app/useRevisions';
import { CodeDetails } from './CodeDetails';
import { CodeGroupsPanel } from './CodeGroupsPanel';
import { CodeTree } from './CodeTree';
import { DeleteCodeDialog } from './DeleteCodeDialog';
import { MemosPanel } from './MemosPanel';
import { TemplatePicker } from './TemplatePicker';
import { UndoButtons } from './UndoButtons';
import { useCodebook } from './useCodebook';
import { useUndoShortcuts } from './useUndoShortcuts';

type Side = 'code' | 'groups' | 'memos';

/** The codebook: the code tree with live counts on the left, the chosen code, groups or memos on the right. */
export function CodebookArea() {
  const codesRevision = useRevision('codes');
  const segmentsRevision = useRevision('segments');
  const status = useCodebook((s) => s.status);
  const count = useCodebook((s) => s.ids.length);
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creatingUnder, setCreatingUnder] = useState<number | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [side, setSide] = useState<Side>('code');
  const selectedExists = useCodebook((s) => selectedId !== null && s.byId[selectedId] !== undefined);
  useUndoShortcuts();

  useEffect(() => {
    void useCodebook.getState().load();
  }, [codesRevision, segmentsRevision]);

  return (
    <section className="codebook-area" aria-label="Codebook">
      <header className="codebook-header">
        <h2>Codebook</h2>
        <input
          type="search"
          aria-label="Filter codes"
          placeholder="Filter codes…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" onClick={() => setCreatingUnder(null)}>
          New code
        </button>
        <button type="button" disabled={!selectedExists} onClick={() => setCreatingUnder(selectedId)}>
          New sub-code
        </button>
        <UndoButtons />
        <TemplatePicker />
      </header>
      <div className="codebook-body">
        <div className="codebook-tree-pane">
          {status === 'ready' && count === 0 && creatingUnder === undefined && (
            <p className="muted">No codes yet. Create a code or load a codebook template.</p>
          )}
          <CodeTree
            filter={filter}
            selectedId={selectedId}
            onSelect={(id) => {
              setSelectedId(id);
              setSide('code');
            }}
            onRequestDelete={setDeleting}
            creatingUnder={creatingUnder}
            onCreateDone={() => setCreatingUnder(undefined)}
          />
          <p className="muted codebook-hint">
            Drag a code onto another to nest it, or between codes to reorder; or Alt+arrow keys. F2 renames.
          </p>
        </div>
        <div className="codebook-side">
          <div className="tabs" role="tablist" aria-label="Codebook panels">
            {(['code', 'groups', 'memos'] as const).map((s) => (
              <button key={s} type="button" role="tab" aria-selected={side === s} onClick={() => setSide(s)}>
                {s === 'code' ? 'Code' : s === 'groups' ? 'Code groups' : 'Memos'}
              </button>
            ))}
          </div>
          {side === 'code' &&
            (selectedExists && selectedId !== null ? (
              <CodeDetails codeId={selectedId} onRequestDelete={setDeleting} />
            ) : (
              <p className="muted">Choose a code to see its description, groups and segments.</p>
            ))}
          {side === 'groups' && <CodeGroupsPanel selectedCodeId={selectedExists ? selectedId : null} />}
          {side === 'memos' && <MemosPanel codeId={selectedExists ? selectedId : null} />}
        </div>
      </div>
      {deleting !== null && (
        <DeleteCodeDialog
          codeId={deleting}
          onClose={(deleted) => {
            if (deleted && deleting === selectedId) setSelectedId(null);
            setDeleting(null);
          }}
        />
      )}
    </section>
  );
}
