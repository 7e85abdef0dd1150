import { useState } from 'react';
import type { Args } from '../../../shared/api/contract';
import type { JobStatus } from '../../../shared/api/jobs';
import type { DocumentKind, ImportSummary } from '../../../shared/api/documents';
import { call, callOrError } from '../../api/client';
import { useJob } from '../../app/useJob';
import { useRevisions } from '../../app/useRevisions';
import { JobProgress } from '../../components/JobProgress';
import { AttributesCsvImport } from './AttributesCsvImport';
import { ImportSummaryView, mergeSummaries } from './ImportSummaryView';
import { encodeBatch, pickedFromList, planBatches, type PickedFile } from './uploads';

async function waitForJob(id: string): Promise<JobStatus | undefined> {
  for (;;) {
    const status = await call('jobs.status', { id });
    if (!status || status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

interface Props {
  /** Files dropped on the list before the dialog opened. */
  initialFiles?: PickedFile[];
  onClose(): void;
}

/**
 * Import files or folders: a path the backend reads (works in browser mode too), or files picked or
 * dropped here, uploaded in batches. Each batch is one backend job, run one after the other;
 * progress and cancel show the current one, the summary covers them all.
 */
export function ImportDialog({ initialFiles = [], onClose }: Props) {
  const [pathText, setPathText] = useState('');
  const [files, setFiles] = useState<PickedFile[]>(initialFiles);
  const [kind, setKind] = useState<DocumentKind>('document');
  const [groupName, setGroupName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [running, setRunning] = useState(false);
  const status = useJob(jobId);

  const common = () => ({ kind, ...(groupName.trim() ? { groupName: groupName.trim() } : {}) });

  /** Starts one import job and waits for its end; false when it could not run to completion. */
  async function runJob(args: Args<'documents.import'>): Promise<boolean> {
    const started = await callOrError('documents.import', args);
    if (started.error || !started.value) {
      setError(started.error?.message ?? 'import could not start');
      return false;
    }
    setJobId(started.value.jobId);
    const final = await waitForJob(started.value.jobId);
    if (!final) return false;
    setSummary((previous) =>
      mergeSummaries(previous, final.result as ImportSummary | undefined, final.state === 'cancelled'),
    );
    if (final.state === 'failed') setError(final.error ?? 'import failed');
    return final.state === 'done';
  }

  async function start(): Promise<void> {
    setError(null);
    setSummary(null);
    const paths = pathText
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    if (paths.length === 0 && files.length === 0) {
      setError('Choose files or a folder, or type a path.');
      return;
    }
    setRunning(true);
    try {
      let ok = paths.length === 0 || (await runJob({ paths, ...common() }));
      for (const batch of planBatches(files)) {
        if (!ok) break;
        ok = await runJob({ files: await encodeBatch(batch), ...common() });
      }
    } finally {
      setRunning(false);
      setJobId(null);
      // What was chosen has been imported (or reported); the next Import starts from a clean choice.
      setFiles([]);
      useRevisions.getState().bump('documents', 'groups');
    }
  }

  return (
    <div role="dialog" aria-modal="true" aria-label="Import documents" className="import-dialog">
      <h2>Import documents</h2>
      <label>
        File or folder paths (one per line)
        <textarea
          value={pathText}
          onChange={(e) => setPathText(e.target.value)}
          rows={2}
          disabled={running}
        />
      </label>
      <div className="import-pickers">
        <label>
          Files
          <input
            type="file"
            multiple
            aria-label="Choose files"
            disabled={running}
            onChange={(e) => setFiles([...files, ...pickedFromList(e.target.files)])}
          />
        </label>
        <label>
          Folder
          <input
            type="file"
            aria-label="Choose a folder"
            disabled={running}
            ref={(input) => input?.setAttribute('webkitdirectory', '')}
            onChange={(e) => setFiles([...files, ...pickedFromList(e.target.files)])}
          />
        </label>
        {files.length > 0 && <span>{files.length} file(s) chosen</span>}
      </div>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)} disabled={running}>
          <option value="document">Documents</option>
          <option value="interview">Interview transcripts</option>
        </select>
      </label>
      <label>
        Add to group (optional)
        <input
          value={groupName}
          onChange={(e) => setGroupName(e.target.value)}
          maxLength={200}
          disabled={running}
        />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {running && status && status.state === 'running' && <JobProgress status={status} label="Import" />}
      {summary && !running && <ImportSummaryView summary={summary} />}
      <AttributesCsvImport />
      <div className="dialog-buttons">
        <button type="button" onClick={() => void start()} disabled={running}>
          Import
        </button>
        <button type="button" onClick={onClose} disabled={running}>
          Close
        </button>
      </div>
    </div>
  );
}
