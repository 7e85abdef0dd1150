import { useEffect, useState, type ReactNode } from 'react';
import { call, callOrError } from '../../api/client';
import type { IdentityKeyStatus } from '../../../shared/api/sample';

/**
 * Shows its children once the identity key is unlocked (anonymising and scanning need the names it
 * holds); asks for the passphrase while it is locked, and says where to create it when there is none.
 */
export function KeyGate({ children, purpose }: { children: ReactNode; purpose: string }) {
  const [status, setStatus] = useState<IdentityKeyStatus | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('sample.identity.status', {}).then((s) => s && setStatus(s));
  }, []);
  if (!status) return null;
  if (status.unlocked) return <>{children}</>;
  if (!status.exists)
    return (
      <p className="muted">
        {purpose} needs the identity key, which holds the real names to look for: create it in Sample →
        Identity key.
      </p>
    );
  const unlock = () =>
    void callOrError('sample.identity.unlock', { passphrase }).then((answer) => {
      setPassphrase('');
      setError(answer.error?.message ?? null);
      if (answer.value) setStatus(answer.value);
    });
  // Not a <form>: the gate also sits inside other forms (the export's), and forms cannot nest.
  return (
    <div className="inline-form" role="group" aria-label="Unlock identity key">
      <span className="muted">{purpose} needs the identity key.</span>{' '}
      <input
        type="password"
        aria-label="Identity key passphrase"
        autoComplete="off"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (passphrase) unlock();
        }}
      />
      <button type="button" disabled={!passphrase} onClick={unlock}>
        Unlock
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
