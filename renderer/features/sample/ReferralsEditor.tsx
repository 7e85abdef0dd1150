import { useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ParticipantDetail } from '../../../shared/api/sample';
import { call, callOrError } from '../../api/client';
import { useSample } from './useSample';

/** Who named this participant (several referrers allowed, each with date and note) and whom they named. */
export function ReferralsEditor({ detail }: { detail: ParticipantDetail }) {
  // Row objects are stable between loads, so the shallow comparison holds; labels are derived below.
  const rows = useSample(useShallow((s) => s.ids.map((id) => s.byId[id]!)));
  const others = useMemo(() => rows.filter((r) => r.id !== detail.id), [rows, detail.id]);
  const changed = useSample((s) => s.changed);
  const select = useSample((s) => s.select);
  const [referrerId, setReferrerId] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const candidates = others.filter((o) => !detail.referrals.some((r) => r.participantId === o.id));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!referrerId) return;
    const result = await callOrError('sample.refer', {
      referrerId: Number(referrerId),
      referredId: detail.id,
      date: date || null,
      note,
    });
    setError(result.error?.message ?? null);
    if (result.value) {
      setReferrerId('');
      setNote('');
      await changed();
    }
  };
  const remove = async (id: number) => {
    if ((await call('sample.unrefer', { referrerId: id, referredId: detail.id })) !== undefined)
      await changed();
  };

  return (
    <section aria-label="Referrals">
      <h4>Referred by</h4>
      {detail.referrals.length === 0 ? (
        <p className="muted">Nobody — a seed of the sample.</p>
      ) : (
        <ul className="referral-list">
          {detail.referrals.map((r) => (
            <li key={r.participantId}>
              <button type="button" className="link" onClick={() => select(r.participantId)}>
                {r.label}
              </button>
              {r.date && <time> {r.date}</time>}
              {r.note && <span className="muted"> — {r.note}</span>}
              <button
                type="button"
                aria-label={`Remove referral by ${r.label}`}
                onClick={() => void remove(r.participantId)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" aria-label="Add referrer" onSubmit={(e) => void add(e)}>
        <select aria-label="Referrer" value={referrerId} onChange={(e) => setReferrerId(e.target.value)}>
          <option value="">referred by…</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <input
          type="date"
          aria-label="Referral date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <input
          aria-label="Referral note"
          placeholder="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" disabled={!referrerId}>
          Add referrer
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {detail.referred.length > 0 && (
        <p>
          Named:{' '}
          {detail.referred.map((r, i) => (
            <span key={r.participantId}>
              {i > 0 && ', '}
              <button type="button" className="link" onClick={() => select(r.participantId)}>
                {r.label}
              </button>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
