import type { ExportOutline } from '../../../shared/api/export';

/** The document the options would write, heading by heading, as the user arranges it. */
export function OutlinePreview({ outline }: { outline: ExportOutline | null }) {
  if (!outline) return <p className="muted">Loading the outline…</p>;
  return (
    <section className="export-outline" aria-label="Outline">
      <h3>Outline</h3>
      {outline.problems.map((p) => (
        <p key={p} className="form-error" role="status">
          {p}
        </p>
      ))}
      <ol>
        {outline.items.map((item, i) => (
          <li key={i} className={`outline-level-${item.level}`}>
            {item.text}
            {item.segments !== undefined && <span className="muted"> — {item.segments} quotes</span>}
          </li>
        ))}
      </ol>
      <p className="muted">{outline.quotes} quotes in all.</p>
    </section>
  );
}
