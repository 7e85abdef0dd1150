import { useState } from 'react';
import type { Segment } from '../../../shared/api/coding';
import { useCodebook } from '../codebook/useCodebook';
import { usePalette } from '../palette/usePalette';
import { gotoNeighbor, removeSelectedSegment } from './actions';
import { useReader } from './useReader';

/** The selected segment: its code, quote, coder, memo, and what can be done with it. */
export function SegmentPanel() {
  const segment = useReader((s) =>
    s.selectedSegmentId !== null ? s.segments.get(s.selectedSegmentId) : undefined,
  );
  if (!segment) return null;
  // Keyed by segment, so the memo field starts from the segment's own memo.
  return <SegmentDetails key={segment.id} segment={segment} />;
}

function SegmentDetails({ segment }: { segment: Segment }) {
  const code = useCodebook((s) => s.byId[segment.codeId]);
  const setMemo = useReader((s) => s.setMemo);
  const recode = useReader((s) => s.recode);
  const [memo, setMemoDraft] = useState(segment.memo);
  const quote = segment.text.length > 240 ? `${segment.text.slice(0, 240)}…` : segment.text;
  const saveMemo = () => {
    if (memo !== segment.memo) void setMemo(segment.id, memo);
  };

  return (
    <section className="reader-segment" aria-label="Selected segment">
      <header>
        <span className="code-swatch" style={{ background: code?.color }} />
        <strong>{code?.name ?? 'Unknown code'}</strong>
        <span className="muted">
          {segment.coder} · {new Date(segment.createdAt).toLocaleString()}
        </span>
      </header>
      <blockquote>{quote}</blockquote>
      <div className="reader-segment-actions">
        <button
          type="button"
          onClick={() => void gotoNeighbor('previous')}
          title="Previous segment of this code (Alt+↑)"
        >
          ↑ Previous
        </button>
        <button
          type="button"
          onClick={() => void gotoNeighbor('next')}
          title="Next segment of this code (Alt+↓)"
        >
          ↓ Next
        </button>
        <button
          type="button"
          onClick={() =>
            usePalette.getState().show('Re-code the segment', (codeId) => void recode(segment.id, codeId))
          }
        >
          Re-code…
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => void removeSelectedSegment()}
          title="Un-code (Delete)"
        >
          Un-code
        </button>
      </div>
      <label className="reader-memo">
        Memo
        <textarea
          rows={3}
          value={memo}
          placeholder="Why this passage, what it shows…"
          onChange={(e) => setMemoDraft(e.target.value)}
          onBlur={saveMemo}
        />
      </label>
      <p className="muted reader-segment-hint">
        Shift+Alt+←/→ moves the end, Ctrl+Alt+←/→ the start, by a word.
      </p>
    </section>
  );
}
