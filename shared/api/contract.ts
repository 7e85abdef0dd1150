import type { z } from 'zod';
import { codingArgs, type CodingResults } from './coding';
import { documentsArgs, type DocumentsResults } from './documents';
import { exchangeArgs, type ExchangeResults } from './exchange';
import { exportArgs, type ExportResults } from './export';
import { jobsArgs, type JobsResults } from './jobs';
import { privacyArgs, type PrivacyResults } from './privacy';
import { projectArgs, type ProjectResults } from './project';
import { reportsArgs, type ReportsResults } from './reports';
import type { Result } from './result';
import { sampleArgs, type SampleResults } from './sample';
import { searchArgs, type SearchResults } from './search';
import { teamArgs, type TeamResults } from './team';

/**
 * The one door between renderer and backend: every call's argument schema, merged from the domains.
 * Electron IPC and browser-mode HTTP are two transports of exactly this map.
 */
export const argSchemas = {
  ...projectArgs,
  ...jobsArgs,
  ...documentsArgs,
  ...searchArgs,
  ...codingArgs,
  ...sampleArgs,
  ...reportsArgs,
  ...exportArgs,
  ...exchangeArgs,
  ...teamArgs,
  ...privacyArgs,
} as const;

export type Results = ProjectResults &
  JobsResults &
  DocumentsResults &
  SearchResults &
  CodingResults &
  SampleResults &
  ReportsResults &
  ExportResults &
  ExchangeResults &
  TeamResults &
  PrivacyResults;

export type CallName = keyof typeof argSchemas & keyof Results;
export const callNames = Object.keys(argSchemas) as CallName[];

/** What a caller passes (before defaults are applied by the schema). */
export type Args<N extends CallName> = z.input<(typeof argSchemas)[N]>;
/** What a handler receives (after validation). */
export type ParsedArgs<N extends CallName> = z.output<(typeof argSchemas)[N]>;

/** The renderer's view of the backend: a typed async function per call. */
export type Api = { [N in CallName]: (args: Args<N>) => Promise<Result<Results[N]>> };

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(argSchemas, name);
}
