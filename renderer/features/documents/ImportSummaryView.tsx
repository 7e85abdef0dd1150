import type { ImportSummary } from '../../../shared/api/documents';

export function mergeSummaries(
  previous: ImportSummary | null,
  next: ImportSummary | undefined,
  cancelled: boolean,
): ImportSummary {
  const base: ImportSummary = previous ?? {
    imported: [],
    duplicates: [],
    failed: [],
    groupId: null,
    cancelled: false,
  };
  if (!next) return { ...base, cancelled: base.cancelled || cancelled };
  return {
    imported: [...base.imported, ...next.imported],
    duplicates: [...base.duplicates, ...next.duplicates],
    failed: [...base.failed, ...next.failed],
    groupId: next.groupId ?? base.groupId,
    cancelled: base.cancelled || cancelled || next.cancelled,
  };
}

/** The end of an import: counts, then every skipped and failed file with its reason. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  return (
    <section aria-label="Import summary" className="import-summary">
      <p>
        {summary.cancelled
          ? 'Import cancelled — nothing from the cancelled batch was kept.'
          : `Imported ${summary.imported.length}, skipped ${summary.duplicates.length} duplicate(s), failed ${summary.failed.length}.`}
      </p>
      {summary.failed.length > 0 && (
        <ul aria-label="Failed files">
          {summary.failed.map((f) => (
            <li key={f.name}>
              {f.name}: {f.reason}
            </li>
          ))}
        </ul>
      )}
      {summary.duplicates.length > 0 && (
        <ul aria-label="Duplicate files">
          {summary.duplicates.map((d) => (
            <li key={d.name}>
              {d.name}: same text as “{d.existingTitle}”
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
