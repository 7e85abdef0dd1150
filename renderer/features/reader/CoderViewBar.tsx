import { useEffect } from 'react';
import { useCoderView, type CoderView } from './useCoderView';
import { useReader } from './useReader';
import './coderView.css';

/**
 * Whose coding the reader shows (mine for blind coding, everyone's, or chosen coders'), and, when two or
 * more coders' stripes are shown, the key of their colours. Hidden until two coders have coded.
 */
export function CoderViewBar() {
  const view = useCoderView((s) => s.view);
  const coders = useCoderView((s) => s.coders);
  const coderKey = useReader((s) => s.coderKey);
  useEffect(() => {
    // New names or colours (the Team area, a merge): the key and stripes follow.
    useReader.getState().refreshCoderKey();
  }, [coders]);
  // Nothing to tell apart until two coders have coded (a view other than everyone's stays switchable).
  if (coders.filter((c) => c.segmentCount > 0).length < 2 && view.kind === 'everyone') return null;

  const show = (next: CoderView) => {
    useCoderView.getState().setView(next);
    void useReader.getState().reloadSegments();
  };
  const chosen = view.kind === 'chosen' ? view.coderIds : [];
  const toggle = (id: number, on: boolean) =>
    show({ kind: 'chosen', coderIds: on ? [...chosen, id] : chosen.filter((c) => c !== id) });

  return (
    <div className="reader-coders" role="group" aria-label="Whose coding">
      <label>
        Show{' '}
        <select
          aria-label="Whose coding to show"
          value={view.kind}
          onChange={(e) => {
            const kind = e.target.value as CoderView['kind'];
            show(kind === 'chosen' ? { kind, coderIds: coders.map((c) => c.id) } : { kind });
          }}
        >
          <option value="mine">My coding only</option>
          <option value="everyone">Everyone’s coding</option>
          <option value="chosen">Chosen coders…</option>
        </select>
      </label>
      {view.kind === 'chosen' && (
        <span className="reader-coders-choice" role="group" aria-label="Coders shown">
          {coders.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={chosen.includes(c.id)}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />{' '}
              {c.name}
            </label>
          ))}
        </span>
      )}
      {coderKey && (
        <ul className="reader-coder-key" aria-label="Coder colours">
          {[...coderKey.values()].map((c) => (
            <li key={c.id} data-coder={c.name} data-color={c.color}>
              <span className="reader-coder-swatch" style={{ background: c.color }} />
              {c.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
