import { useEffect, useState } from 'react';
import type { Segment, SegmentSpan } from '../../../shared/api/coding';
import { call } from '../../api/client';
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
  // Keyed by segment and span, so the details are fetched again after a resize or re-code.
  const key = `${segment.id}:${segment.codeId}:${segment.startUtf16}:${segment.endUtf16}`;
  return <SegmentDetails key={key} span={segment} />;
}

/** The whole segment (memo, coder, time): the reader holds spans only. */
function useSegment(id: number): [Segment | null, (segment: Segment) => void] {
  const [segment, setSegment] = useState<Segment | null>(null);
  useEffect(() => {
    let current = true;
    void call('segments.get', { id }).then((s) => {
      if (current && s) setSegment(s);
    });
    return () => {
      current = false;
    };
  }, [id]);
  return [segment, setSegment];
}

function SegmentDetails({ span }: { span: SegmentSpan }) {
  const code = useCodebook((s) => s.byId[span.codeId]);
  // With several coders shown, their colour too, as on the stripes.
  const coder = useReader((s) => s.coderKey?.get(span.coderId));
  const text = useReader((s) => s.text);
  const setMemo = useReader((s) => s.setMemo);
  const recode = useReader((s) => s.recode);
  const [segment, setSegment] = useSegment(span.id);
  const [memo, setMemoDraft] = useState<string | null>(null);
  const quoted = text.slice(span.startUtf16, span.endUtf16);
  const quote = quoted.length > 240 ? `${quoted.slice(0, 240)}…` : quoted;
  const saveMemo = () => {
    if (memo === null || !segment || memo === segment.memo) return;
    void setMemo(span.id, memo).then((saved) => saved && setSegment(saved));
  };

  return (
    <section className="reader-segment" aria-label="Selected segment">
      <header>
        <span className="code-swatch" style={{ background: code?.color }} />
        <strong>{code?.name ?? 'Unknown code'}</strong>
        {segment && (
          <span className="muted" data-coder={segment.coder}>
            {coder && <span className="reader-coder-swatch" style={{ background: coder.color }} />}
            {segment.coder} · {new Date(segment.createdAt).toLocaleString()}
          </span>
        )}
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
            usePalette.getState().show('Re-code the segment', (codeId) => void recode(span.id, codeId))
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
          value={memo ?? segment?.memo ?? ''}
          disabled={!segment}
          placeholder="Why this passage, what it shows…"
          onChange={(e) => setMemoDraft(e.target.value)}
          onBlur={saveMemo}
        />
      </label>
      <p className="muted reader-segment-hint">
        Drag the handles at its ends to move them (hold Alt for an exact edge), or Shift+Alt+←/→ for the end
        and Ctrl+Alt+←/→ for the start, a word at a time.
      </p>
    </section>
  );
}
