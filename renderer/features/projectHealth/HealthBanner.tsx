import { useEffect, useState, type FormEvent } from 'react';
import { useProject } from '../../app/useProject';
import { useProjectHealth, watchProjectHealth } from './useProjectHealth';
import { suggestedCopyPath } from './suggestedPath';
import './projectHealth.css';

/**
 * Stays on screen while the open project's file is missing or damaged, with the one way out: write
 * what the app still holds to a new file (a copy, or the readable rows of a damaged file) and go on there.
 */
export function HealthBanner() {
  const path = useProject((s) => s.info?.path);
  const health = useProjectHealth((s) => s.health);
  const saveCopy = useProjectHealth((s) => s.saveCopy);
  const recover = useProjectHealth((s) => s.recover);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => (path ? watchProjectHealth() : undefined), [path]);

  if (!path || !health || health.state === 'ok') return null;
  const damaged = health.state === 'damaged';
  const action = damaged ? 'Recover into a new file' : 'Save a copy';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target?.trim()) return;
    setBusy(true);
    const failure = await (damaged ? recover : saveCopy)(target.trim());
    setBusy(false);
    setError(failure);
    if (!failure) setTarget(null);
  };

  return (
    <div className="health-banner" role="alert" aria-label="Project file problem">
      <p>{health.message}</p>
      {target === null ? (
        <button
          type="button"
          onClick={() => setTarget(suggestedCopyPath(path, damaged ? 'recovered' : 'copy'))}
        >
          {action}…
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} aria-label={action}>
          <label>
            New project file
            <input value={target} onChange={(e) => setTarget(e.target.value)} disabled={busy} />
          </label>
          <button type="submit" disabled={busy || !target.trim()}>
            {damaged ? 'Recover' : 'Save copy'}
          </button>
          <button type="button" onClick={() => setTarget(null)} disabled={busy}>
            Cancel
          </button>
          {error && <span className="health-banner-error">{error}</span>}
        </form>
      )}
    </div>
  );
}
