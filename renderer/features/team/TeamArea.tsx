import { useEffect } from 'react';
import { AgreementPanel } from './AgreementPanel';
import { CodersPanel } from './CodersPanel';
import { CopiesAndMerge } from './CopiesAndMerge';
import { DisagreementsList } from './DisagreementsList';
import { useTeam } from './useTeam';
import './team.css';

/** Team coding: coders, coding copies and merges, agreement and its disagreements. */
export function TeamArea() {
  const loadCoders = useTeam((s) => s.loadCoders);
  useEffect(() => {
    void loadCoders();
  }, [loadCoders]);
  return (
    <div className="team-area">
      <h2>Team</h2>
      <CodersPanel />
      <AgreementPanel />
      <DisagreementsList />
      <CopiesAndMerge />
    </div>
  );
}
