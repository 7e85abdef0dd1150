import { useEffect, useState, type FormEvent } from 'react';
import { call, callOrError } from '../../api/client';
import { useProject } from '../../app/useProject';
import { ImportRefiForm } from '../exchange/ImportRefiForm';

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** First screen: new project, open project, recent projects. */
export function StartScreen() {
  const recent = useProject((s) => s.recent);
  const create = useProject((s) => s.create);
  const open = useProject((s) => s.open);
  const [newPath, setNewPath] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [writingExample, setWritingExample] = useState(false);

  useEffect(() => {
    void call('project.defaultPath', {}).then((p) => setNewPath((current) => current || p || ''));
  }, []);

  const submit =
    (action: (path: string) => Promise<string | null>, path: string) => async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      setError(await action(path.trim()));
      setBusy(false);
    };

  // The backend writes the study to a new file and opens it; opening it through the store as well
  // resets every feature store, as for any project the user opens.
  const openExample = async (event: FormEvent) => {
    event.preventDefault();
    setWritingExample(true);
    const { value, error: failed } = await callOrError('project.createDemo', {});
    setError(failed ? failed.message : value ? await open(value.path) : null);
    setWritingExample(false);
  };

  return (
    <main className="start-screen">
      <header>
        <h1>Passage</h1>
        <p>
          Code interviews and documents, track your snowball sample, and export evidence appendices to Word.
        </p>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="start-columns">
        <form onSubmit={submit(create, newPath)} aria-label="New project">
          <h2>New project</h2>
          <label>
            Project file
            <input
              value={newPath}
              onChange={(e) => setNewPath(e.target.value)}
              placeholder="/path/to/study.passage"
            />
          </label>
          <button type="submit" disabled={busy || !newPath.trim()}>
            Create project
          </button>
        </form>
        <form onSubmit={submit(open, openPath)} aria-label="Open project">
          <h2>Open project</h2>
          <label>
            Project file
            <input
              value={openPath}
              onChange={(e) => setOpenPath(e.target.value)}
              placeholder="/path/to/study.passage"
            />
          </label>
          <button type="submit" disabled={busy || !openPath.trim()}>
            Open project
          </button>
        </form>
        <ImportRefiForm />
        <form onSubmit={(e) => void openExample(e)} aria-label="Example study">
          <h2>Example study</h2>
          <p className="muted">
            A small fictional study of civil–military cooperation, already coded, with a snowball sample:
            every view has something to show. It is written to a new file in your Documents folder.
          </p>
          <button type="submit" disabled={busy || writingExample}>
            {writingExample ? 'Writing the example study…' : 'Open the example study'}
          </button>
        </form>
      </div>
      <section aria-label="Recent projects" className="recent">
        <h2>Recent projects</h2>
        {recent.length === 0 ? (
          <p className="muted">No recent projects yet. Projects you create or open appear here.</p>
        ) : (
          <ul>
            {recent.map((r) => (
              <li key={r.path}>
                <button
                  type="button"
                  disabled={!r.exists || busy}
                  onClick={() => void submit(open, r.path)({ preventDefault() {} } as FormEvent)}
                >
                  <strong>{r.name}</strong>
                  <span className="muted">{r.exists ? r.path : `${r.path} (missing)`}</span>
                  <span className="muted">{formatDate(r.openedAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
