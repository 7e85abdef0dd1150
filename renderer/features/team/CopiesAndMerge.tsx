import { useState } from 'react';
import { useTeam } from './useTeam';

/** "Make coding copies…": one project file per coder, written into a folder. */
function CopiesForm() {
  const coders = useTeam((s) => s.coders);
  const makeCopies = useTeam((s) => s.makeCopies);
  const copies = useTeam((s) => s.lastCopies);
  const [names, setNames] = useState('');
  const [folder, setFolder] = useState('');
  const [blind, setBlind] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const list = names
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return (
    <form
      aria-label="Make coding copies"
      onSubmit={(e) => {
        e.preventDefault();
        void makeCopies(list, folder.trim(), blind).then(setError);
      }}
    >
      <h4>Make coding copies…</h4>
      <label>
        Coders (comma-separated){' '}
        <input
          value={names}
          placeholder={coders.map((c) => c.name).join(', ')}
          onChange={(e) => setNames(e.target.value)}
        />
      </label>{' '}
      <label>
        Into folder <input value={folder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
      </label>{' '}
      <label>
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> without
        existing segments (blind double-coding)
      </label>{' '}
      <button type="submit" disabled={list.length === 0 || !folder.trim()}>
        Make copies
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {copies && !error && (
        <ul role="status">
          {copies.map((c) => (
            <li key={c.path}>
              {c.coder}: {c.path}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** "Merge a coder's project…": bring a copy back, with its report. */
function MergeForm() {
  const merge = useTeam((s) => s.merge);
  const report = useTeam((s) => s.lastMerge);
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  return (
    <form
      aria-label="Merge a coder's project"
      onSubmit={(e) => {
        e.preventDefault();
        setRunning(true);
        void merge(from.trim()).then((problem) => {
          setRunning(false);
          setError(problem);
        });
      }}
    >
      <h4>Merge a coder’s project…</h4>
      <label>
        Project file{' '}
        <input
          placeholder="a coder’s .passage, or a .qdpx from another tool"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          spellCheck={false}
        />
      </label>{' '}
      <button type="submit" disabled={!from.trim() || running}>
        Merge
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && !error && (
        <div role="status" className="merge-report">
          <p>
            Added {report.added.segments} segments, {report.added.codes} codes, {report.added.documents}{' '}
            documents, {report.added.memos} memos, {report.added.coders} coders, {report.added.participants}{' '}
            participants. Backup: {report.backup}.{report.undoable ? ' Undo reverses the whole merge.' : ''}
          </p>
          {[...report.warnings, ...report.conflicts.map((c) => c.message)].length > 0 && (
            <ul>
              {report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
              {report.conflicts.map((c) => (
                <li key={c.message}>{c.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

export function CopiesAndMerge() {
  return (
    <section aria-label="Working apart">
      <h3>Working apart</h3>
      <CopiesForm />
      <MergeForm />
    </section>
  );
}
