import { useEffect } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ExportResult } from '../../../shared/api/export';
import { useJob } from '../../app/useJob';
import { useRevision } from '../../app/useRevisions';
import { JobProgress } from '../../components/JobProgress';
import { CodeChooser } from './CodeChooser';
import { FilterFields } from './FilterFields';
import { OutlinePreview } from './OutlinePreview';
import { PartSettings } from './PartSettings';
import { ReplaceDialog } from './ReplaceDialog';
import { SectionsList } from './SectionsList';
import { downloadExport, optionsOf, useExport } from './useExport';
import { ScanExportOffer } from '../privacy/ScanExportOffer';
import './export.css';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  docx: 'Word (.docx)',
  csv: 'CSV — coded segments (.csv)',
  tsv: 'TSV — coded segments (.tsv)',
  md: 'Markdown (.md)',
};

const OUTLINE_DELAY_MS = 200;
const SAVE_DELAY_MS = 500;

/** Refreshes the outline shortly after the choices change, so typing does not flood the backend. */
function useLiveOutline(): void {
  const key = useExport((s) => JSON.stringify([optionsOf(s), s.format]));
  const codes = useRevision('codes');
  const segments = useRevision('segments');
  useEffect(() => {
    const timer = setTimeout(() => void useExport.getState().refreshOutline(), OUTLINE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, codes, segments]);
}

/**
 * Brings back the options saved in the project when the area opens, and saves changes shortly after
 * they are made; leaving the area saves what is still pending.
 */
function useRememberedOptions(): void {
  const options = useExport((s) => (s.savedSettings === null ? null : JSON.stringify(optionsOf(s))));
  useEffect(() => {
    void useExport.getState().restoreSettings();
    return () => void useExport.getState().saveSettings();
  }, []);
  useEffect(() => {
    if (options === null) return;
    const timer = setTimeout(() => void useExport.getState().saveSettings(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [options]);
}

function ExportAction() {
  const format = useExport((s) => s.format);
  const target = useExport((s) => s.target);
  const jobId = useExport((s) => s.jobId);
  const error = useExport((s) => s.error);
  const blocked = useExport((s) => (s.outline?.problems.length ?? 0) > 0);
  const patch = useExport((s) => s.patch);
  const setFormat = useExport((s) => s.setFormat);
  const start = useExport((s) => s.start);
  const status = useJob(jobId);
  const running = status?.state === 'running';
  const result = status?.state === 'done' ? (status.result as ExportResult) : null;
  return (
    <form
      className="export-action"
      aria-label="Export to file"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <label>
        Format{' '}
        <select value={format} onChange={(e) => void setFormat(e.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="export-target">
        Save to{' '}
        <input
          value={target}
          onChange={(e) => patch({ target: e.target.value })}
          spellCheck={false}
          title="A full path, or a file name for the folder of your last export"
        />
      </label>
      <button type="submit" disabled={running || blocked || !target.trim()}>
        Export
      </button>
      <ReplaceDialog />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status && status.state !== 'done' && <JobProgress status={status} label="Export" />}
      {status?.state === 'failed' && (
        <p className="form-error" role="alert">
          {status.error}
        </p>
      )}
      {status?.state === 'cancelled' && <p className="muted">Export cancelled; no file was written.</p>}
      {result && (
        <p role="status" className="export-done">
          Saved {result.path} ({result.quotes} quotes, {result.tables} tables).{' '}
          <button type="button" className="link" onClick={() => void downloadExport(status!.id)}>
            Download
          </button>
        </p>
      )}
      {result && <ScanExportOffer files={[result.path]} />}
    </form>
  );
}

/** The export dialog: parts and their order, codes, filters, method note; the outline shows what will be written. */
export function ExportArea() {
  const load = useExport((s) => s.load);
  const title = useExport((s) => s.title);
  const methodNote = useExport((s) => s.methodNote);
  const includeMemos = useExport((s) => s.includeMemos);
  const patch = useExport((s) => s.patch);
  const outline = useExport((s) => s.outline);
  const filters = useExport((s) => s.filters);
  const setFilters = useExport((s) => s.setFilters);
  const codes = useRevision('codes');
  useEffect(() => {
    void load();
  }, [load, codes]);
  useLiveOutline();
  useRememberedOptions();
  return (
    <section className="export-area" aria-label="Export">
      <h2>Export</h2>
      <div className="export-columns">
        <div className="export-form">
          <label className="export-title">
            Title <input value={title} onChange={(e) => patch({ title: e.target.value })} />
          </label>
          <label className="export-note">
            Method note
            <textarea rows={4} value={methodNote} onChange={(e) => patch({ methodNote: e.target.value })} />
          </label>
          <SectionsList />
          <CodeChooser />
          <label>
            <input
              type="checkbox"
              checked={includeMemos}
              onChange={(e) => patch({ includeMemos: e.target.checked })}
            />{' '}
            Include segment memos
          </label>
          <FilterFields legend="Filters" filters={filters} setFilters={setFilters} />
          <PartSettings />
        </div>
        <OutlinePreview outline={outline} />
      </div>
      <ExportAction />
    </section>
  );
}
