import { useState, type FormEvent } from 'react';
import type { ParticipantDetail } from '../../../shared/api/sample';
import { call } from '../../api/client';
import { useSample } from './useSample';

/** Real name and contact, kept in the encrypted identity key: shown and editable only while it is unlocked. */
export function IdentityFields({ detail }: { detail: ParticipantDetail }) {
  const unlocked = useSample((s) => s.identity?.unlocked ?? false);
  const changed = useSample((s) => s.changed);
  const [name, setName] = useState(detail.identity?.name ?? '');
  const [contact, setContact] = useState(detail.identity?.contact ?? '');
  const [notes, setNotes] = useState(detail.identity?.notes ?? '');
  if (!unlocked)
    return (
      <section aria-label="Identity">
        <h4>Identity</h4>
        <p className="muted">
          Unlock the identity key to see or record this participant&apos;s name and contact.
        </p>
      </section>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await call('sample.identity.set', { participantId: detail.id, name, contact, notes })) !== undefined)
      await changed();
  };
  return (
    <form className="participant-details" aria-label="Identity" onSubmit={(e) => void submit(e)}>
      <h4>Identity (identity key only, never in the project)</h4>
      <label>
        Real name <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <label>
        Contact <input value={contact} onChange={(e) => setContact(e.target.value)} autoComplete="off" />
      </label>
      <label className="wide">
        Private notes <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button type="submit">Save identity</button>
    </form>
  );
}
