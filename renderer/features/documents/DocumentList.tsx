import { useEffect, useState, type DragEvent } from 'react';
import { List, type RowComponentProps } from 'react-window';
import type { DocumentKind } from '../../../shared/api/documents';
import { useRevision } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';
import { EmptyState } from '../../components/EmptyState';
import { ImportDialog } from './ImportDialog';
import { MetadataPanel } from './MetadataPanel';
import type { PickedFile } from './uploads';
import { useDocuments } from './useDocuments';

const ROW_HEIGHT = 44;

function Row({ index, style, ids }: RowComponentProps<{ ids: number[] }>) {
  const id = ids[index]!;
  const document = useDocuments((s) => s.byId[id]);
  const selected = useSelection((s) => s.documentId === id);
  if (!document) return <div style={style} />;
  return (
    <div style={style} className="document-row">
      <button
        type="button"
        aria-current={selected ? 'true' : undefined}
        aria-label={`Open ${document.title}`}
        onClick={() => useSelection.getState().openDocument(id)}
      >
        <strong>{document.title}</strong>
        <span className="muted">
          {document.kind} · {document.year ?? '—'} · {document.wordCount.toLocaleString()} words ·{' '}
          {document.segmentCount} segments
        </span>
      </button>
    </div>
  );
}

/** Files dropped from the desktop (folders are not expanded by browsers' drop events; use the folder picker). */
function droppedFiles(event: DragEvent): PickedFile[] {
  return Array.from(event.dataTransfer.files).map((file) => ({ name: file.name, file }));
}

/** The corpus: every document, virtualised, filtered by title and kind; import by dialog or drop. */
export function DocumentList() {
  const ids = useDocuments((s) => s.ids);
  const loaded = useDocuments((s) => s.loaded);
  const titleFilter = useDocuments((s) => s.titleFilter);
  const kindFilter = useDocuments((s) => s.kindFilter);
  const revision = useRevision('documents');
  const selectedId = useSelection((s) => s.documentId);
  const [importing, setImporting] = useState<PickedFile[] | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    void useDocuments.getState().load();
  }, [revision]);

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
      </div>
      {loaded && <p className="muted document-count">N = {ids.length}</p>}
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
    </div>
  );
}
