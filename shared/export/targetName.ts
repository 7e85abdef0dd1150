import type { ExportFormat } from '../api/export';

/** The extensions a target of each format may carry; the first is the one the app adds. */
export const FORMAT_EXTENSIONS: Record<ExportFormat, readonly string[]> = {
  docx: ['.docx'],
  csv: ['.csv'],
  tsv: ['.tsv'],
  md: ['.md', '.markdown'],
};

export const FORMAT_NAMES: Record<ExportFormat, string> = {
  docx: 'Word',
  csv: 'CSV',
  tsv: 'TSV',
  md: 'Markdown',
};

/** The last part of a path written with either separator (the renderer has no `path`). */
export function fileNameOf(target: string): string {
  return target.split(/[\\/]/).pop() ?? target;
}

export function hasFormatExtension(target: string, format: ExportFormat): boolean {
  const name = fileNameOf(target).toLowerCase();
  return FORMAT_EXTENSIONS[format].some((ext) => name.length > ext.length && name.endsWith(ext));
}

/**
 * The target as the dialog saves it, the way a system save dialog does: the right extension kept,
 * another format's swapped ("appendix.docx" → "appendix.csv"), otherwise added ("notes" → "notes.csv",
 * "notes.txt" → "notes.txt.csv"), so a file never opens in the wrong program. A target ending in a
 * separator names no file and is left for the backend to refuse.
 */
export function withFormatExtension(target: string, format: ExportFormat): string {
  const trimmed = target.trim().replace(/\.+$/, '');
  if (!fileNameOf(trimmed) || hasFormatExtension(trimmed, format)) return trimmed;
  const lower = trimmed.toLowerCase();
  for (const ext of Object.values(FORMAT_EXTENSIONS).flat())
    if (lower.endsWith(ext) && fileNameOf(trimmed).length > ext.length)
      return `${trimmed.slice(0, -ext.length)}${FORMAT_EXTENSIONS[format][0]}`;
  return `${trimmed}${FORMAT_EXTENSIONS[format][0]}`;
}
