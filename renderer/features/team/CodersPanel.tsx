import { useState } from 'react';
import type { Coder } from '../../../shared/api/coding';
import { useTeam } from './useTeam';

const FALLBACK_COLOR = '#888888';

function CoderRow({ coder }: { coder: Coder }) {
  const renameCoder = useTeam((s) => s.renameCoder);
  const setColor = useTeam((s) => s.setColor);
  const [name, setName] = useState(coder.name);
  const [error, setError] = useState<string | null>(null);
  const rename = async () => {
    if (name.trim() === coder.name) return;
    const problem = await renameCoder(coder.id, name);
    setError(problem);
    if (problem) setName(coder.name);
  };
  return (
    <li>
      <input
        type="color"
        aria-label={`Colour of ${coder.name}`}
        value={coder.color ?? FALLBACK_COLOR}
        onChange={(e) => void setColor(coder.id, e.target.value)}
      />{' '}
      <input
        aria-label={`Name of ${coder.name}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => void rename()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void rename();
        }}
      />{' '}
      <span className="muted">
        {coder.segmentCount} segments{coder.current ? ' · coding now' : ''}
      </span>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The project's coders: add, rename, colour. */
export function CodersPanel() {
  const coders = useTeam((s) => s.coders);
  const addCoder = useTeam((s) => s.addCoder);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-label="Coders">
      <h3>Coders</h3>
      <ul className="coder-list">
        {coders.map((c) => (
          <CoderRow key={c.id} coder={c} />
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void addCoder(name).then((problem) => {
            setError(problem);
            if (!problem) setName('');
          });
        }}
      >
        <input aria-label="New coder's name" value={name} onChange={(e) => setName(e.target.value)} />{' '}
        <button type="submit" disabled={!name.trim()}>
          Add coder
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
