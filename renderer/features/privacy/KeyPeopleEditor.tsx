import { useEffect, useState, type FormEvent } from 'react';
import { callOrError } from '../../api/client';
import type { KeyIdentity } from '../../../shared/api/privacy';
import { ListEditor } from './ListEditor';

const CONTACT_SEPARATOR = /\s*[;\n]\s*/;

/** One participant's real name, other names and contacts, saved to the identity key together. */
function PersonForm({ person, onSaved }: { person: KeyIdentity; onSaved(): void }) {
  const [name, setName] = useState(person.name);
  const [aliases, setAliases] = useState(person.aliases);
  const [contacts, setContacts] = useState(person.contact.split(CONTACT_SEPARATOR).filter(Boolean));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const answer = await callOrError('privacy.identity.set', {
      participantId: person.participantId,
      name: name.trim(),
      aliases: aliases.map((a) => a.trim()).filter(Boolean),
      contact: contacts
        .map((c) => c.trim())
        .filter(Boolean)
        .join('; '),
    });
    setMessage(answer.error ? { error: true, text: answer.error.message } : { error: false, text: 'Saved.' });
    if (!answer.error) onSaved();
  };
  return (
    <form className="key-person" aria-label={`Identity of ${person.label}`} onSubmit={(e) => void submit(e)}>
      <label>
        Real name <input value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset>
        <legend>Other names (nicknames, maiden names, spellings)</legend>
        <ListEditor label="alias" items={aliases} onChange={setAliases} />
      </fieldset>
      <fieldset>
        <legend>Contacts (emails, phone numbers, addresses)</legend>
        <ListEditor label="contact" items={contacts} onChange={setContacts} />
      </fieldset>
      <button type="submit">Save {person.label}</button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'muted'}>
          {' '}
          {message.text}
        </span>
      )}
    </form>
  );
}

/**
 * Sample → Identity key → People: what anonymisation and the scan look for, per participant. Pick a
 * participant, then edit their names and contacts; nothing of it ever enters the project file.
 */
export function KeyPeopleEditor() {
  const [people, setPeople] = useState<KeyIdentity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  // A save bumps the revision: the list (and its "+N other names") is read again.
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    void callOrError('privacy.identity.list', {}).then((answer) => {
      setError(answer.error?.message ?? null);
      if (answer.value) setPeople(answer.value.people);
    });
  }, [revision]);
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!people) return null;
  if (people.length === 0)
    return <p className="muted">Add participants to the sample to record their names.</p>;
  const person = people.find((p) => p.participantId === chosen);
  return (
    <section className="key-people" aria-label="Names and contacts in the identity key">
      <label>
        Participant{' '}
        <select
          value={chosen ?? ''}
          onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">choose…</option>
          {people.map((p) => (
            <option key={p.participantId} value={p.participantId}>
              {p.label}
              {p.name ? ` — ${p.name}` : ''}
              {p.aliases.length > 0 ? ` (+${p.aliases.length} other names)` : ''}
            </option>
          ))}
        </select>
      </label>
      {person && (
        <PersonForm key={person.participantId} person={person} onSaved={() => setRevision((r) => r + 1)} />
      )}
    </section>
  );
}
