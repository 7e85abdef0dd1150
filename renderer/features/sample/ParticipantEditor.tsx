import { useState, type FormEvent } from 'react';
import type { ParticipantDetail } from '../../../shared/api/sample';
import {
  INTERVIEW_MODES,
  MODE_LABELS,
  PARTICIPANT_STATUSES,
  STATUS_LABELS,
  type InterviewMode,
  type ParticipantStatus,
} from '../../../shared/sample/types';
import { call, callOrError } from '../../api/client';
import { IdentityFields } from './IdentityFields';
import { ReferralsEditor } from './ReferralsEditor';
import { TranscriptsEditor } from './TranscriptsEditor';
import { useParticipant } from './useParticipant';
import { useSample } from './useSample';

const today = () => new Date().toISOString().slice(0, 10);
const orNull = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Everything about one participant: details and consent, status with history, referrals, transcripts. */
export function ParticipantEditor() {
  const id = useSample((s) => s.selectedId);
  const select = useSample((s) => s.select);
  const { detail } = useParticipant(id);
  if (id === null || !detail || detail.id !== id) return null;
  return (
    <aside className="participant-editor" aria-label={`Participant ${detail.label}`}>
      <header className="participant-editor-head">
        <h3>{detail.label}</h3>
        <span className={`status-badge status-${detail.status}`}>{STATUS_LABELS[detail.status]}</span>
        <span className="muted">wave {detail.wave ?? '—'}</span>
        <button type="button" aria-label="Close participant" onClick={() => select(null)}>
          ×
        </button>
      </header>
      {detail.status === 'withdrawn' && (
        <p className="sample-warning" role="note">
          Withdrawn on {detail.withdrawnAt}: this participant&apos;s transcripts and their coded segments are
          left out of reports and exports until you delete them.
        </p>
      )}
      <StatusEditor key={`status-${detail.id}`} detail={detail} />
      <DetailsForm key={`details-${detail.id}-${detail.history.length}`} detail={detail} />
      <ReferralsEditor detail={detail} />
      <TranscriptsEditor detail={detail} />
      <IdentityFields key={`identity-${detail.id}`} detail={detail} />
    </aside>
  );
}

function StatusEditor({ detail }: { detail: ParticipantDetail }) {
  const changed = useSample((s) => s.changed);
  const [status, setStatus] = useState<ParticipantStatus>(detail.status);
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await call('sample.setStatus', { id: detail.id, status, date, note });
    if (done) {
      setNote('');
      await changed();
    }
  };
  return (
    <section aria-label="Recruitment status">
      <h4>Status</h4>
      <form className="inline-form" aria-label="Change status" onSubmit={(e) => void submit(e)}>
        <select
          aria-label="New status"
          value={status}
          onChange={(e) => setStatus(e.target.value as ParticipantStatus)}
        >
          {PARTICIPANT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <input
          type="date"
          aria-label="Status date"
          value={date}
          required
          onChange={(e) => setDate(e.target.value)}
        />
        <input
          aria-label="Status note"
          placeholder="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit">Record status</button>
      </form>
      <ol className="status-history" aria-label="Status history">
        {detail.history.map((h) => (
          <li key={h.id}>
            <time>{h.date}</time> {STATUS_LABELS[h.status]}
            {h.note && <span className="muted"> — {h.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DetailsForm({ detail }: { detail: ParticipantDetail }) {
  const categories = useSample((s) => s.categories);
  const changed = useSample((s) => s.changed);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const duration = orNull(form.get('duration'));
    const recording = form.get('recording');
    const result = await callOrError('sample.update', {
      id: detail.id,
      label: String(form.get('label') ?? '').trim(),
      categoryId: orNull(form.get('category')) === null ? null : Number(form.get('category')),
      interviewDate: orNull(form.get('interviewDate')),
      interviewMode: orNull(form.get('mode')) as InterviewMode | null,
      durationMinutes: duration === null ? null : Number(duration),
      interviewer: orNull(form.get('interviewer')),
      consentVersion: orNull(form.get('consentVersion')),
      consentDate: orNull(form.get('consentDate')),
      recordingAllowed: recording === 'yes' ? true : recording === 'no' ? false : null,
      anonymisation: orNull(form.get('anonymisation')),
      notes: String(form.get('notes') ?? ''),
    });
    setError(result.error?.message ?? null);
    if (result.value) await changed();
  };
  return (
    <form className="participant-details" aria-label="Participant details" onSubmit={(e) => void submit(e)}>
      <h4>Interview and consent</h4>
      <label>
        Label <input name="label" defaultValue={detail.label} required maxLength={200} />
      </label>
      <label>
        Category
        <select name="category" defaultValue={detail.categoryId ?? ''}>
          <option value="">—</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Interview date <input type="date" name="interviewDate" defaultValue={detail.interviewDate ?? ''} />
      </label>
      <label>
        Mode
        <select name="mode" defaultValue={detail.interviewMode ?? ''}>
          <option value="">—</option>
          {INTERVIEW_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Duration (min){' '}
        <input type="number" min={1} name="duration" defaultValue={detail.durationMinutes ?? ''} />
      </label>
      <label>
        Interviewer <input name="interviewer" defaultValue={detail.interviewer ?? ''} />
      </label>
      <label>
        Consent form version <input name="consentVersion" defaultValue={detail.consentVersion ?? ''} />
      </label>
      <label>
        Consent date <input type="date" name="consentDate" defaultValue={detail.consentDate ?? ''} />
      </label>
      <label>
        Recording allowed
        <select
          name="recording"
          defaultValue={detail.recordingAllowed === null ? '' : detail.recordingAllowed ? 'yes' : 'no'}
        >
          <option value="">not recorded</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
      </label>
      <label className="wide">
        Anonymisation conditions <input name="anonymisation" defaultValue={detail.anonymisation ?? ''} />
      </label>
      <label className="wide">
        Notes (pseudonymous — no names) <textarea name="notes" rows={3} defaultValue={detail.notes} />
      </label>
      {detail.attributes.length > 0 && <AttributeValues detail={detail} />}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit">Save details</button>
    </form>
  );
}

function AttributeValues({ detail }: { detail: ParticipantDetail }) {
  const changed = useSample((s) => s.changed);
  const save = async (attributeId: number, value: string) => {
    const done = await call('sample.attributes.set', {
      participantId: detail.id,
      attributeId,
      value: value === '' ? null : value,
    });
    // null is success for calls without a result; undefined means the error toast was shown.
    if (done !== undefined) await changed();
  };
  return (
    <fieldset className="wide">
      <legend>Attributes</legend>
      {detail.attributes.map((a) => (
        <label key={a.id}>
          {a.name}
          <input
            type={a.type === 'date' ? 'date' : a.type === 'number' ? 'number' : 'text'}
            defaultValue={a.value ?? ''}
            placeholder={a.type === 'boolean' ? 'true / false' : ''}
            onBlur={(e) => {
              if (e.target.value !== (a.value ?? '')) void save(a.id, e.target.value);
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
