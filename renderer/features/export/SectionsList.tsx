import { useShallow } from 'zustand/react/shallow';
import { SECTION_LABELS } from '../../../shared/export/plan';
import { useExport } from './useExport';

/** Which parts the appendix holds and in what order (move up / down). */
export function SectionsList() {
  const order = useExport(useShallow((s) => s.order));
  const enabled = useExport((s) => s.enabled);
  const toggle = useExport((s) => s.toggleSection);
  const move = useExport((s) => s.move);
  return (
    <fieldset className="export-sections">
      <legend>Parts, in order</legend>
      <ol>
        {order.map((section, i) => (
          <li key={section}>
            <label>
              <input type="checkbox" checked={enabled[section]} onChange={() => toggle(section)} />{' '}
              {SECTION_LABELS[section]}
            </label>
            <button
              type="button"
              aria-label={`Move ${SECTION_LABELS[section]} up`}
              disabled={i === 0}
              onClick={() => move(section, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${SECTION_LABELS[section]} down`}
              disabled={i === order.length - 1}
              onClick={() => move(section, 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
