import { useEffect, useState } from 'react';
import { call, callOrError } from '../../api/client';
import { useProject } from '../../app/useProject';
import { ScanExportOffer } from '../privacy/ScanExportOffer';

type Kind = 'project' | 'codebook';

/**
 * Project → "Export REFI-QDA project…" and Codebook → "Export .qdc…": a target file, what the format
 * cannot carry (warned before anything is written), and replace only when asked.
 */
export function ExportRefiDialog({ kind, onClose }: { kind: Kind; onClose(): void }) {
  const info = useProject((s) => s.info);
  const extension = kind === 'project' ? '.qdpx' : '.qdc';
  const [target, setTarget] = useState(
    (info?.path ?? 'study.passage').replace(/\.passage$/i, '') + extension,
  );
  const [overwrite, setOverwrite] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  useEffect(() => {
    if (kind === 'project') void call('exchange.exportWarnings', {}).then((w) => setWarnings(w ?? []));
  }, [kind]);

  const run = async () => {
    setMessage(null);
    const { value, error } =
      kind === 'project'
        ? await callOrError('exchange.exportProject', { target: target.trim(), overwrite })
        : await callOrError('exchange.exportCodebook', { target: target.trim(), overwrite });
    setMessage(error ? { error: true, text: error.message } : { error: false, text: `Wrote ${value?.file}` });
    setWritten(error ? null : (value?.file ?? null));
  };

  const title = kind === 'project' ? 'Export REFI-QDA project' : 'Export codebook (.qdc)';
  return (
    <section role="dialog" aria-label={title} className="export-refi">
      <h2>{title}</h2>
      {warnings.length > 0 && (
        <div role="note">
          <p>REFI-QDA has no place for:</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <label>
        File
        <input value={target} onChange={(e) => setTarget(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace
        the file if it exists
      </label>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : undefined}>
          {message.text}
        </p>
      )}
      {written && <ScanExportOffer files={[written]} />}
      <button type="button" disabled={!target.trim()} onClick={() => void run()}>
        Export
      </button>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

/** The two entry points, for the project's sidebar. */
export function ExchangeMenu() {
  const [kind, setKind] = useState<Kind | null>(null);
  return (
    <>
      <button type="button" onClick={() => setKind('project')}>
        Export REFI-QDA project…
      </button>
      <button type="button" onClick={() => setKind('codebook')}>
        Export codebook (.qdc)…
      </button>
      {kind && <ExportRefiDialog key={kind} kind={kind} onClose={() => setKind(null)} />}
    </>
  );
}
