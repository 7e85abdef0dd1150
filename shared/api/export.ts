// Contract of the export: Word (.docx), CSV/TSV and Markdown exports.
export const exportArgs = {};

export type ExportResults = Record<never, never>;
