import { useEffect, useState, type FormEvent } from 'react';
import { callOrError, call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import { CategoriesPanel } from './CategoriesPanel';
import { IdentityKeyPanel } from './IdentityKeyPanel';
import { ImportCsv } from './ImportCsv';
import { ParticipantEditor } from './ParticipantEditor';
import { PipelineTable } from './PipelineTable';
import { ReferralGraph } from './ReferralGraph';
import { Reminders } from './Reminders';
import { SampleReports } from './SampleReports';
import { useSample } from './useSample';
import './sample.css';

const VIEWS = {
  pipeline: 'Pipeline',
  graph: 'Referral graph',
  reminders: 'Reminders',
  statistics: 'Statistics',
  categories: 'Categories',
  key: 'Identity key',
} as const;
type View = keyof typeof VIEWS;

/** The snowball sample: pipeline, referral graph, reminders and identity key, with the participant editor beside. */
export function SampleArea() {
  const load = useSample((s) => s.load);
  const loaded = useSample((s) => s.loaded);
  const count = useSample((s) => s.ids.length);
  const documentsRevision = useRevision('documents');
  const [view, setView] = useState<View>('pipeline');
  useEffect(() => {
    void load();
  }, [load, documentsRevision]);

  return (
    <div className="sample-area">
      <section className="sample-main" aria-label="Sample">
        <header className="sample-head">
          <h2>Sample</h2>
          <AddParticipant />
          <ImportCsv />
        </header>
        <CategoriesHint />
        <div role="tablist" aria-label="Sample views" className="tabs">
          {(Object.keys(VIEWS) as View[]).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>
              {VIEWS[v]}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={VIEWS[view]} className="sample-view">
          {view === 'key' && <IdentityKeyPanel />}
          {view === 'categories' && <CategoriesPanel />}
          {view === 'statistics' && <SampleReports />}
          {(view === 'pipeline' || view === 'graph' || view === 'reminders') && loaded && count === 0 && (
            <p className="muted">
              No participants yet. Add the seeds of your snowball sample, then record who referred whom — or
              import a CSV.
            </p>
          )}
          {view === 'pipeline' && count > 0 && <PipelineTable />}
          {view === 'graph' && count > 0 && <ReferralGraph />}
          {view === 'reminders' && count > 0 && <Reminders />}
        </div>
      </section>
      <ParticipantEditor />
    </div>
  );
}

function AddParticipant() {
  const changed = useSample((s) => s.changed);
  const select = useSample((s) => s.select);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await callOrError('sample.create', label.trim() ? { label: label.trim() } : {});
    setError(result.error?.message ?? null);
    if (result.value) {
      setLabel('');
      await changed();
      select(result.value.id);
    }
  };
  return (
    <form className="inline-form" aria-label="Add participant" onSubmit={(e) => void submit(e)}>
      <input
        aria-label="New participant label"
        placeholder='label (empty: "Interview N")'
        value={label}
        maxLength={200}
        onChange={(e) => setLabel(e.target.value)}
      />
      <button type="submit">Add participant</button>
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </form>
  );
}

/** A project starts without categories: offer the reference study's list in one click. */
function CategoriesHint() {
  const categories = useSample((s) => s.categories);
  const loaded = useSample((s) => s.loaded);
  const changed = useSample((s) => s.changed);
  if (!loaded || categories.length > 0) return null;
  return (
    <p className="muted">
      No participant categories yet.{' '}
      <button
        type="button"
        onClick={() => void call('sample.categories.addDefaults', {}).then((done) => done && changed())}
      >
        Add the reference study&apos;s categories
      </button>
    </p>
  );
}
