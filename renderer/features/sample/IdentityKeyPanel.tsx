import { useState, type FormEvent } from 'react';
import { callOrError } from '../../api/client';
import { AnonymiseReview } from '../privacy/AnonymiseReview';
import { KeyPeopleEditor } from '../privacy/KeyPeopleEditor';
import { PrivacyScan } from '../privacy/PrivacyScan';
import { TermsEditor } from '../privacy/TermsEditor';
import { useSample } from './useSample';

/** Create, unlock, lock the identity key or change its passphrase. The passphrase never leaves this form. */
export function IdentityKeyPanel() {
  const status = useSample((s) => s.identity);
  const changed = useSample((s) => s.changed);
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState('');
  // A new passphrase is typed twice: a typo would lock the researcher out of the key for good.
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!status) return null;
  const mismatch = !status.exists ? repeat !== passphrase : status.unlocked && repeat !== next;

  const run = async (action: () => ReturnType<typeof callOrError>) => {
    const result = await action();
    setError(result.error?.message ?? null);
    if (!result.error) {
      setPassphrase('');
      setNext('');
      setRepeat('');
      await changed();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!status.exists) void run(() => callOrError('sample.identity.create', { passphrase }));
    else if (!status.unlocked) void run(() => callOrError('sample.identity.unlock', { passphrase }));
    else void run(() => callOrError('sample.identity.changePassphrase', { current: passphrase, next }));
  };

  return (
    <section className="identity-panel" aria-label="Identity key">
      <p className="muted">
        Real names and contacts live in an encrypted file beside the project ({status.path}), never in the
        project file.
        {status.unlocked
          ? ` Unlocked: ${status.entries} identit${status.entries === 1 ? 'y' : 'ies'}.`
          : ' Locked.'}
      </p>
      <form
        className="inline-form"
        aria-label={status.exists ? 'Unlock identity key' : 'Create identity key'}
        onSubmit={submit}
      >
        <input
          type="password"
          aria-label={status.unlocked ? 'Current passphrase' : 'Passphrase'}
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {status.unlocked && (
          <input
            type="password"
            aria-label="New passphrase"
            autoComplete="off"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
        {(!status.exists || status.unlocked) && (
          <input
            type="password"
            aria-label={status.exists ? 'Repeat new passphrase' : 'Repeat passphrase'}
            autoComplete="off"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        )}
        <button type="submit" disabled={!passphrase || mismatch}>
          {!status.exists ? 'Create key' : !status.unlocked ? 'Unlock' : 'Change passphrase'}
        </button>
        {status.unlocked && (
          <button type="button" onClick={() => void run(() => callOrError('sample.identity.lock', {}))}>
            Lock
          </button>
        )}
      </form>
      {mismatch && repeat !== '' && <p className="form-error">The two passphrases differ.</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {status.unlocked && (
        <>
          <h3>Names and contacts</h3>
          <KeyPeopleEditor />
          <h3>Terms</h3>
          <TermsEditor />
          <h3>Scan</h3>
          <PrivacyScan />
          <h3>Anonymise files before import</h3>
          <AnonymiseReview />
        </>
      )}
    </section>
  );
}
