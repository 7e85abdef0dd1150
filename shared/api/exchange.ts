// Contract of the exchange with other QDA tools: REFI-QDA projects (.qdpx) and codebooks (.qdc).
import { z } from 'zod';
import type { JobStarted } from './jobs';
import { filePath } from './schemas';

export const OFFSET_CHOICES = ['auto', 'codepoints', 'utf16'] as const;

export const exchangeArgs = {
  /** A .qdpx (or the same renamed .zip) → a new project file; a job whose result is RefiImportSummary. */
  'exchange.importProject': z
    .object({
      source: filePath,
      target: filePath,
      /** The unit the file's offsets count; auto decides per document (see the import report). */
      offsets: z.enum(OFFSET_CHOICES).default('auto'),
    })
    .strict(),
  /** What the open project holds that REFI-QDA cannot carry, to warn before export. */
  'exchange.exportWarnings': z.object({}).strict(),
  'exchange.exportProject': z.object({ target: filePath, overwrite: z.boolean().default(false) }).strict(),
  'exchange.exportCodebook': z.object({ target: filePath, overwrite: z.boolean().default(false) }).strict(),
};

export interface RefiImportSummary {
  /** The new project file. */
  project: string;
  /** The tool that wrote the file (its `origin`). */
  origin: string;
  documents: number;
  codes: number;
  segments: number;
  memos: number;
  coders: number;
  /** Per document: the unit its offsets were read in, and why. */
  units: { document: string; unit: string }[];
  /** One line per element not kept or changed, naming it. */
  report: string[];
}

export interface RefiExportSummary {
  file: string;
  bytes: number;
  documents: number;
  codes: number;
  segments: number;
  notes: number;
  /** What the format could not carry (also written as a project note where that helps). */
  warnings: string[];
}

export interface ExchangeResults {
  'exchange.importProject': JobStarted;
  'exchange.exportWarnings': string[];
  'exchange.exportProject': RefiExportSummary;
  'exchange.exportCodebook': { file: string; bytes: number };
}
