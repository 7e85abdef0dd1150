// Types for scripts/checkTestTools.mjs, which runs under plain Node before anything is built.
export interface TestTool {
  kind: 'program' | 'font';
  name: string;
  debianPackage: string;
}
export type ToolCheckPlan =
  { action: 'none' } | { action: 'install'; packages: string[] } | { action: 'stop'; message: string };

export const TEST_TOOLS: readonly TestTool[];
export function defaultFontDirs(home?: string): string[];
export function findProgram(name: string, pathEnv: string | undefined): string | null;
export function findMissingPackages(options: {
  pathEnv: string | undefined;
  fontDirs: readonly string[];
  chromiumPath?: string | undefined;
}): string[];
export function installCommand(packages: readonly string[], options: { sudo: boolean }): string;
export function planToolCheck(options: {
  missing: readonly string[];
  uid: number;
  aptGet: boolean;
}): ToolCheckPlan;
