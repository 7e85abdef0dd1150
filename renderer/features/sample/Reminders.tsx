import { useEffect, useState } from 'react';
import type { Waiting } from '../../../shared/sample/reminders';
import { call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import { useSample } from './useSample';

/** Contacted participants who have not replied, longest wait first: whom to remind. */
export function Reminders() {
  const revision = useRevision('participants');
  const select = useSample((s) => s.select);
  const [waiting, setWaiting] = useState<Waiting[] | null>(null);
  useEffect(() => {
    let live = true;
    void call('sample.reminders', {}).then((w) => {
      if (live) setWaiting(w ?? []);
    });
    return () => {
      live = false;
    };
  }, [revision]);
  if (!waiting) return null;
  if (waiting.length === 0) return <p className="muted">Nobody is waiting for a reply.</p>;
  return (
    <table className="sample-table" aria-label="Waiting for a reply">
      <thead>
        <tr>
          <th>Participant</th>
          <th>Contacted on</th>
          <th>Days waiting</th>
        </tr>
      </thead>
      <tbody>
        {waiting.map((w) => (
          <tr key={w.id}>
            <td>
              <button type="button" className="link" onClick={() => select(w.id)}>
                {w.label}
              </button>
            </td>
            <td>{w.since}</td>
            <td>{w.days}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
