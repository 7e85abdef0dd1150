import { useState, type FormEvent } from 'react';
import type { JobStatus } from '../../../shared/api/jobs';
import type { RefiImportSummary } from '../../../shared/api/exchange';
import { call, callOrError } from '../../api/client';
import { useProject } from '../../app/useProject';
import { JobProgress } from '../../components/JobProgress';
import { useRefiImport } from './useRefiImport';

const POLL_MS = 150;

/** Start screen: a .qdpx from NVivo, ATLAS.ti, MAXQDA or QualCoder → a new project, then opened. */
export function ImportRefiForm() {
  const open = useProject((s) => s.open);
  const show = useRefiImport((s) => s.show);
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<JobStatus | null>(null);

  // Polled here rather than with useJob: what happens when it ends (open the project, show the report)
  // belongs to this submit, not to an effect.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const { value, error: failed } = await callOrError('exchange.importProject', {
      source: source.trim(),
      target: target.trim(),
    });
    if (failed || !value) return setError(failed?.message ?? null);
    let current = await call('jobs.status', { id: value.jobId });
    while (current?.state === 'running') {
      setStatus(current);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      current = await call('jobs.status', { id: value.jobId });
    }
    setStatus(null);
    if (!current) return;
    if (current.state !== 'done') {
      setError(
        current.state === 'cancelled' ? 'Import cancelled: nothing was created.' : (current.error ?? null),
      );
      return;
    }
    const summary = current.result as RefiImportSummary;
    show(summary);
    setError(await open(summary.project));
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Import REFI-QDA project">
      <h2>Import REFI-QDA project…</h2>
      <p className="muted">A .qdpx from NVivo, ATLAS.ti, MAXQDA or QualCoder becomes a new project.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <label>
        REFI-QDA file
        <input
          value={source}
          onChange={(e) => setSource(e.target.value)}
          placeholder="/path/to/project.qdpx"
        />
      </label>
      <label>
        New project file
        <input
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder="/path/to/study.passage"
        />
      </label>
      {status?.state === 'running' ? (
        <JobProgress status={status} label="REFI-QDA import" />
      ) : (
        <button type="submit" disabled={!source.trim() || !target.trim()}>
          Import project
        </button>
      )}
    </form>
  );
}
