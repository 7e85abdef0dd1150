import { useEffect } from 'react';
// Registers every feature store with the one reset point on project change.
import './app/projectStores';
import { useProject } from './app/useProject';
import { Toasts } from './components/Toasts';
import { ImportReport } from './features/exchange/ImportReport';
import { HealthBanner } from './features/projectHealth/HealthBanner';
import { StartScreen } from './features/start/StartScreen';
import { Workspace } from './features/workspace/Workspace';

export function App() {
  const info = useProject((s) => s.info);
  const load = useProject((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      {info === undefined ? (
        <div className="loading" role="status">
          Loading…
        </div>
      ) : info === null ? (
        <StartScreen />
      ) : (
        <Workspace />
      )}
      <ImportReport />
      <HealthBanner />
      <Toasts />
    </>
  );
}
