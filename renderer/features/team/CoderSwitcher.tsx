import { useEffect } from 'react';
import { useProject } from '../../app/useProject';
import { useTeam } from './useTeam';

/** Who is coding: always in view, so nobody codes under another's name by mistake. */
export function CoderSwitcher() {
  const current = useProject((s) => s.info?.coder ?? '');
  const coders = useTeam((s) => s.coders);
  const loadCoders = useTeam((s) => s.loadCoders);
  const switchCoder = useTeam((s) => s.switchCoder);
  useEffect(() => {
    void loadCoders();
  }, [loadCoders, current]);
  const names = coders.some((c) => c.name === current)
    ? coders.map((c) => c.name)
    : [current, ...coders.map((c) => c.name)];
  return (
    <label className="coder-switcher">
      Coder{' '}
      <select value={current} onChange={(e) => void switchCoder(e.target.value)}>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
