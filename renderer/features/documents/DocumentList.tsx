import { useEffect, useState, type DragEvent } from 'react';
import { List, type RowComponentProps } from 'react-window';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentKind } from '../../../shared/api/documents';
import type { DocumentGroup } from '../../../shared/api/search';
import { call, callOrError } from '../../api/client';
import { useRevision, useRevisions } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';
import { EmptyState } from '../../components/EmptyState';
import { DeleteDocumentsDialog } from './DeleteDocumentsDialog';
import { ImportDialog } from './ImportDialog';
import { AnonymiseDocumentsDialog } from '../privacy/AnonymiseDocumentsDialog';
import { MetadataPanel } from './MetadataPanel';
import type { PickedFile } from './uploads';
import { useDocuments } from './useDocuments';

const ROW_HEIGHT = 44;

function Row({ index, style, ids }: RowComponentProps<{ ids: number[] }>) {
  const id = ids[index]!;
  const document = useDocuments((s) => s.byId[id]);
  const selected = useSelection((s) => s.documentId === id);
  const checked = useDocuments((s) => s.checked[id] === true);
  if (!document) return <div style={style} />;
  return (
    <div style={style} className="document-row">
      <input
        type="checkbox"
        aria-label={`Select ${document.title}`}
        checked={checked}
        onChange={(e) => {
          // A click (or Space) reaches onChange as a click event: Shift extends from the last one ticked.
          const native = e.nativeEvent;
          useDocuments.getState().toggleChecked(id, native instanceof MouseEvent && native.shiftKey);
        }}
      />
      <button
        type="button"
        aria-current={selected ? 'true' : undefined}
        aria-label={`Open ${document.title}`}
        onClick={() => useSelection.getState().openDocument(id)}
      >
        <strong>{document.title}</strong>
        <span className="muted">
          {document.kind} · {document.year ?? '—'} · {document.wordCount.toLocaleString()} words ·{' '}
          {document.segmentCount.toLocaleString()} {document.segmentCount === 1 ? 'segment' : 'segments'}
        </span>
      </button>
    </div>
  );
}

const NEW_GROUP = 'new';

/** Ticked documents in list order. */
const useCheckedIds = (): number[] => useDocuments(useShallow((s) => s.ids.filter((id) => s.checked[id])));

/** Select all / none, and add the ticked documents to a group (or a new one) or remove them from it. */
function SelectionBar() {
  const total = useDocuments((s) => s.ids.length);
  const checkedIds = useCheckedIds();
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  const [choice, setChoice] = useState('');
  const [newName, setNewName] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const groupsRevision = useRevision('groups');
  const count = checkedIds.length;
  // Groups load only once something is ticked: the list itself never needs them.
  const active = count > 0;
  useEffect(() => {
    if (active) void call('documentGroups.list', {}).then((g) => g && setGroups(g));
  }, [groupsRevision, active]);
  const group = groups.find((g) => String(g.id) === choice);
  const done = (result: { value?: DocumentGroup; error?: { message: string } }, verb: string): void => {
    if (result.error) return setMessage({ error: true, text: result.error.message });
    const g = result.value!;
    setMessage({
      error: false,
      text: `${verb} ${count} ${count === 1 ? 'document' : 'documents'} ${verb === 'Removed' ? 'from' : 'to'} ${g.name} (N = ${g.documentCount}).`,
    });
    setChoice(String(g.id));
    setNewName('');
    useRevisions.getState().bump('groups');
  };
  const add = async (): Promise<void> => {
    if (choice === NEW_GROUP)
      done(await callOrError('documentGroups.create', { name: newName, documentIds: checkedIds }), 'Added');
    else if (group)
      done(
        await callOrError('documentGroups.addDocuments', { id: group.id, documentIds: checkedIds }),
        'Added',
      );
  };
  const remove = async (): Promise<void> => {
    if (group)
      done(
        await callOrError('documentGroups.removeDocuments', { id: group.id, documentIds: checkedIds }),
        'Removed',
      );
  };
  return (
    <div className="document-selection" role="group" aria-label="Selected documents">
      <label>
        <input
          type="checkbox"
          aria-label="Select all documents"
          checked={count > 0 && count === total}
          ref={(el) => {
            if (el) el.indeterminate = count > 0 && count < total;
          }}
          onChange={(e) => useDocuments.getState().setAllChecked(e.target.checked)}
        />{' '}
        {count > 0 ? `${count} of ${total} selected` : 'Select all'}
      </label>
      {count > 0 && (
        <>
          <select aria-label="Document group" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">group…</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} (N = {g.documentCount})
              </option>
            ))}
            <option value={NEW_GROUP}>New group…</option>
          </select>
          {choice === NEW_GROUP && (
            <input
              aria-label="New group name"
              placeholder="New group name"
              value={newName}
              maxLength={200}
              onChange={(e) => setNewName(e.target.value)}
            />
          )}
          <button
            type="button"
            disabled={choice === NEW_GROUP ? !newName.trim() : !group}
            onClick={() => void add()}
          >
            Add to group
          </button>
          <button type="button" disabled={!group} onClick={() => void remove()}>
            Remove from group
          </button>
          <button type="button" onClick={() => useDocuments.getState().setAllChecked(false)}>
            Clear selection
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        </>
      )}
      {deleting && <DeleteDocumentsDialog ids={checkedIds} onClose={() => setDeleting(false)} />}
      {message && (
        <p
          className={message.error ? 'form-error' : 'muted'}
          role={message.error ? 'alert' : undefined}
          aria-live="polite"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

/** Files dropped from the desktop (folders are not expanded by browsers' drop events; use the folder picker). */
function droppedFiles(event: DragEvent): PickedFile[] {
  return Array.from(event.dataTransfer.files).map((file) => ({ name: file.name, file }));
}

/** The corpus: every document, virtualised, filtered by title and kind; import by dialog or drop. */
const ticked = (): { ids?: number[] } => {
  const ids = Object.keys(useDocuments.getState().checked).map(Number);
  return ids.length > 0 ? { ids } : {};
};

export function DocumentList() {
  const ids = useDocuments((s) => s.ids);
  const loaded = useDocuments((s) => s.loaded);
  const titleFilter = useDocuments((s) => s.titleFilter);
  const kindFilter = useDocuments((s) => s.kindFilter);
  const revision = useRevision('documents');
  // Segment counts are part of each entry: coding in the reader changes them while the list is shown.
  const segmentsRevision = useRevision('segments');
  const selectedId = useSelection((s) => s.documentId);
  const [importing, setImporting] = useState<PickedFile[] | null>(null);
  // The ticked documents, or (none ticked) every document not coded yet; null while closed.
  const [anonymising, setAnonymising] = useState<{ ids?: number[] } | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    void useDocuments.getState().load();
  }, [revision, segmentsRevision]);

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const files = droppedFiles(event);
    if (files.length > 0) setImporting(files);
  };

  return (
    <div
      className={dragging ? 'document-list dropping' : 'document-list'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="document-list-toolbar">
        <input
          type="search"
          aria-label="Filter documents by title"
          placeholder="Filter by title"
          value={titleFilter}
          onChange={(e) => useDocuments.getState().setTitleFilter(e.target.value)}
        />
        <select
          aria-label="Filter by kind"
          value={kindFilter}
          onChange={(e) => useDocuments.getState().setKindFilter(e.target.value as DocumentKind | 'all')}
        >
          <option value="all">All kinds</option>
          <option value="interview">Interviews</option>
          <option value="document">Documents</option>
        </select>
        <button type="button" onClick={() => setImporting([])}>
          Import…
        </button>
        <button type="button" onClick={() => setAnonymising(ticked())}>
          Anonymise documents…
        </button>
      </div>
      {loaded && <p className="muted document-count">N = {ids.length}</p>}
      {loaded && ids.length > 0 && <SelectionBar />}
      {loaded && ids.length === 0 && titleFilter === '' && kindFilter === 'all' ? (
        <EmptyState title="Documents">
          <p>
            No documents yet. Import interview transcripts and documents (txt, docx, pdf, html, md, odt) to
            start coding — or drop files here.
          </p>
        </EmptyState>
      ) : (
        <List
          className="document-rows"
          aria-label="Documents"
          rowComponent={Row}
          rowCount={ids.length}
          rowHeight={ROW_HEIGHT}
          rowProps={{ ids }}
          defaultHeight={400}
        />
      )}
      {selectedId !== null && <MetadataPanel documentId={selectedId} />}
      {importing && <ImportDialog initialFiles={importing} onClose={() => setImporting(null)} />}
      {anonymising && (
        <AnonymiseDocumentsDialog documentIds={anonymising.ids} onClose={() => setAnonymising(null)} />
      )}
    </div>
  );
}
