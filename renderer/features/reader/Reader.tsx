import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRevision } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';
import { EmptyState } from '../../components/EmptyState';
import { selectCodes, useCodebook } from '../codebook/useCodebook';
import { useUndoShortcuts } from '../codebook/useUndoShortcuts';
import { CodePalette } from '../palette/CodePalette';
import { createCode, inVivo, openPalette, revealRange } from './actions';
import { CaretStatus } from './CaretStatus';
import { CodeSidebar } from './CodeSidebar';
import { CoderViewBar } from './CoderViewBar';
import { HelpOverlay } from './HelpOverlay';
import { ReaderText } from './ReaderText';
import { SearchHitsBar } from './SearchHitsBar';
import { SegmentPanel } from './SegmentPanel';
import { isForeignSegmentsRevision, useReader } from './useReader';
import { useReaderKeys } from './useReaderKeys';

/** The document reader: shows the document chosen in useSelection, and is where passages are coded. */
export function Reader() {
  const documentId = useSelection((s) => s.documentId);
  const load = useReader((s) => s.load);
  const documentsRevision = useRevision('documents');
  // A layout effect runs before every passive one, so the text and its spans are asked for ahead of what
  // the panels around the reader ask for on opening (the codebook, speakers, marks): the backend
  // answers in turn.
  useLayoutEffect(() => {
    // Opened at a passage (a quote, a hit): its screen's stripes are drawn first.
    void load(documentId, useSelection.getState().target?.startUtf16);
  }, [documentId, load]);
  useEffect(() => {
    // Undo, a rename or a deletion elsewhere: the reader keeps its caret unless the text changed.
    if (documentsRevision > 0) void useReader.getState().refreshDocument();
  }, [documentsRevision]);
  if (documentId === null)
    return (
      <EmptyState title="Reader">
        <p className="muted reader-empty">Choose a document to read and code it.</p>
      </EmptyState>
    );
  return <ReaderView />;
}

function useFollowRevisions(): void {
  const segmentsRevision = useRevision('segments');
  const codesRevision = useRevision('codes');
  useEffect(() => {
    // Changes made elsewhere (undo, auto-coding, merging codes) reload; the reader's own are already shown.
    if (segmentsRevision > 0 && isForeignSegmentsRevision(segmentsRevision))
      void useReader.getState().reloadSegments();
  }, [segmentsRevision]);
  useEffect(() => {
    // The codebook's counts follow segments too; its names and colours draw the stripes.
    void useCodebook.getState().load();
  }, [codesRevision, segmentsRevision]);
}

function useFollowTarget(): void {
  const target = useSelection((s) => s.target);
  const status = useReader((s) => s.status);
  useEffect(() => {
    // Wait one frame so a freshly loaded list has mounted before scrolling it.
    if (!target || status !== 'ready') return;
    const frame = requestAnimationFrame(() =>
      revealRange({ start: target.startUtf16, end: target.endUtf16 }),
    );
    return () => cancelAnimationFrame(frame);
  }, [target, status]);
}

/** The open document's segment count, rendered apart so coding a passage renders this alone. */
function SegmentCount() {
  // Counted once every span is in: a long document's first screen holds only its own.
  const count = useReader((s) => (s.complete ? s.segments.size : null));
  return (
    <>
      {count?.toLocaleString() ?? '…'} {count === 1 ? 'segment' : 'segments'}
    </>
  );
}

function ReaderView() {
  const status = useReader((s) => s.status);
  const document = useReader((s) => s.document);
  // Whether anything is coded, not how much: the view (and the codebook beside it) must not render
  // again on every segment coded. Known once every span is in: a first screen holds only its own.
  const uncoded = useReader((s) => s.complete && s.segments.size === 0);
  const hasSelection = useReader((s) => s.selection !== null);
  const codes = useCodebook(useShallow(selectCodes));
  const shortcutKeys = useMemo(
    () =>
      codes
        .filter((c) => c.shortcut)
        .slice(0, 3)
        .map((c) => `${c.shortcut} (${c.name})`),
    [codes],
  );
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useReaderKeys(toggleHelp);
  useUndoShortcuts();
  useFollowRevisions();
  useFollowTarget();

  if (status === 'missing')
    return (
      <p className="muted reader-empty">This document is no longer in the project. Choose another one.</p>
    );
  if (status !== 'ready' || !document) return <p className="muted reader-empty">Opening the document…</p>;

  return (
    <div className="reader">
      <header className="reader-toolbar">
        <h2 className="reader-title" title={document.fileName}>
          {document.title}
        </h2>
        <span className="muted">
          {document.wordCount.toLocaleString()} words · <SegmentCount />
        </span>
        <SearchHitsBar />
        <CaretStatus />
        <div className="reader-toolbar-actions">
          <button
            type="button"
            disabled={!hasSelection}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => openPalette()}
          >
            Code… <kbd>Ctrl+K</kbd>
          </button>
          <button
            type="button"
            disabled={!hasSelection}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void inVivo()}
          >
            In-vivo <kbd>Ctrl+I</kbd>
          </button>
          <button
            type="button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={toggleHelp}
          >
            ?
          </button>
        </div>
      </header>
      <CoderViewBar />
      {uncoded && (
        <p className="reader-hint" role="note">
          Nothing coded here yet. Select text (or Shift+arrows from a caret), then press a code’s key
          {shortcutKeys.length > 0 ? ` — ${shortcutKeys.join(', ')} —` : ''} or Ctrl/Cmd+K to pick or create a
          code; Ctrl/Cmd+P codes a whole paragraph. Press ? for all shortcuts.
        </p>
      )}
      <div className="reader-main">
        <ReaderText />
        <div className="reader-side">
          <SegmentPanel />
          <CodeSidebar codes={codes} />
        </div>
      </div>
      <CodePalette codes={codes} createCode={createCode} />
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
