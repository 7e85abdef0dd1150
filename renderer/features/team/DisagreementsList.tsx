import { useNavigation } from '../../app/useNavigation';
import { useSelection } from '../../app/useSelection';
import type { Disagreement } from '../../../shared/api/team';
import { useTeam } from './useTeam';

function openAt(d: Disagreement): void {
  useSelection.getState().openDocument(d.documentId, { startUtf16: d.startUtf16, endUtf16: d.endUtf16 });
  useNavigation.getState().go('documents');
}

/** Each unit where the coders differ: its text, who applied the code and who did not. */
export function DisagreementsList() {
  const found = useTeam((s) => s.disagreements);
  if (!found) return null;
  return (
    <section aria-label="Disagreements">
      <h3>
        Disagreements{' '}
        <span className="muted">
          ({found.total}
          {found.total > found.items.length ? `, first ${found.items.length} shown` : ''})
        </span>
      </h3>
      {found.items.length === 0 ? (
        <p className="muted">The coders agree on every unit.</p>
      ) : (
        <ul className="disagreements">
          {found.items.map((d) => (
            <li key={`${d.documentId}:${d.codeId}:${d.startUtf16}`}>
              <button type="button" className="evidence-quote" onClick={() => openAt(d)}>
                “{d.text}”
              </button>
              <span className="muted">
                {' '}
                {d.documentTitle} · {d.codeName}: applied by {d.appliedBy.join(', ')}; not by{' '}
                {d.notAppliedBy.join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
