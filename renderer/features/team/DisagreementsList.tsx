import { useNavigation } from '../../app/useNavigation';
import { useSelection } from '../../app/useSelection';
import type { Disagreement } from '../../../shared/api/team';
import { useCoderView } from '../reader/useCoderView';
import { disagreementKey, useTeam } from './useTeam';

/** Keep one coder's version, all who applied the code, or neither, as the consensus coder. */
function SettleButtons({ d }: { d: Disagreement }) {
  const settle = useTeam((s) => s.settle);
  const settled = useTeam((s) => s.settled[disagreementKey(d)]);
  if (settled) return <span className="muted"> · settled: {settled}</span>;
  return (
    <span role="group" aria-label="Settle as consensus">
      {' '}
      {d.appliedBy.map((name) => (
        <button key={name} type="button" onClick={() => void settle(d, [name])}>
          Keep {name}
        </button>
      ))}
      {d.appliedBy.length > 1 && (
        <button type="button" onClick={() => void settle(d, d.appliedBy)}>
          Keep all
        </button>
      )}
      <button type="button" onClick={() => void settle(d, [])}>
        Neither
      </button>
    </span>
  );
}

/** Opens the passage showing just the compared coders, so each one's stripes stand side by side. */
function openAt(d: Disagreement): void {
  const { coders, choice } = useTeam.getState();
  const compared = choice.coders.map((n) => n.toLowerCase());
  const coderIds = coders.filter((c) => compared.includes(c.name.toLowerCase())).map((c) => c.id);
  useCoderView.getState().restore();
  if (coderIds.length > 0) useCoderView.getState().setView({ kind: 'chosen', coderIds });
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
            <li key={disagreementKey(d)}>
              <button type="button" className="evidence-quote" onClick={() => openAt(d)}>
                “{d.text}”
              </button>
              <span className="muted">
                {' '}
                {d.documentTitle} · {d.codeName}: applied by {d.appliedBy.join(', ')}; not by{' '}
                {d.notAppliedBy.join(', ')}
              </span>
              <SettleButtons d={d} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
