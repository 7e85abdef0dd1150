import type { ComponentType } from 'react';
import { AREAS, AREA_LABELS, useNavigation, type Area } from '../../app/useNavigation';
import { useProject } from '../../app/useProject';
import { CodebookArea } from '../codebook/CodebookArea';
import { DocumentsArea } from '../documents/DocumentsArea';
import { ExchangeMenu } from '../exchange/ExportRefiDialog';
import { ExportArea } from '../export/ExportArea';
import { AnonymisedMarks } from '../privacy/AnonymisedMarks';
import { ReportsArea } from '../reports/ReportsArea';
import { SampleArea } from '../sample/SampleArea';
import { CoderSwitcher } from '../team/CoderSwitcher';
import { TeamArea } from '../team/TeamArea';

const AREA_VIEWS: Record<Area, ComponentType> = {
  documents: DocumentsArea,
  codebook: CodebookArea,
  sample: SampleArea,
  reports: ReportsArea,
  export: ExportArea,
  team: TeamArea,
};

/** The layout once a project is open: navigation on the left, the chosen area on the right. */
export function Workspace() {
  const info = useProject((s) => s.info);
  const close = useProject((s) => s.close);
  const area = useNavigation((s) => s.area);
  const go = useNavigation((s) => s.go);
  const View = AREA_VIEWS[area];
  return (
    <div className="workspace">
      <nav className="sidebar" aria-label="Areas">
        <div className="project-name" title={info?.path}>
          {info?.name}
        </div>
        <ul>
          {AREAS.map((a) => (
            <li key={a}>
              <button type="button" aria-current={a === area ? 'page' : undefined} onClick={() => go(a)}>
                {AREA_LABELS[a]}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <CoderSwitcher />
          <ExchangeMenu />
          <button type="button" onClick={() => void close()}>
            Close project
          </button>
        </div>
      </nav>
      <main className="area" aria-label={AREA_LABELS[area]}>
        <View />
        <AnonymisedMarks />
      </main>
    </div>
  );
}
