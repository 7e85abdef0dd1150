import type { z } from 'zod';
import { projectArgs, type ProjectResults } from './project';
import type { Result } from './result';

/**
 * The one door between renderer and backend: every call's argument schema, merged from the domains.
 * Electron IPC and browser-mode HTTP are two transports of exactly this map.
 */
export const argSchemas = {
  ...projectArgs,
} as const;

export type Results = ProjectResults;

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
