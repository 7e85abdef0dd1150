import { useState, type FormEvent } from 'react';
import { callOrError } from '../../api/client';
import { useSample } from './useSample';

/** Create, unlock, lock the identity key or change its passphrase. The passphrase never leaves this form. */
export function IdentityKeyPanel() {
  const status = useSample((s) => s.identity);
  const changed = useSample((s) => s.changed);
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!status) return null;

  const run = async (action: () => ReturnType<typeof callOrError>) => {
    const result = await action();
    setError(result.error?.message ?? null);
    if (!result.error) {
      setPassphrase('');
      setNext('');
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
        <button type="submit" disabled={!passphrase}>
          {!status.exists ? 'Create key' : !status.unlocked ? 'Unlock' : 'Change passphrase'}
        </button>
        {status.unlocked && (
          <button type="button" onClick={() => void run(() => callOrError('sample.identity.lock', {}))}>
            Lock
          </button>
        )}
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
