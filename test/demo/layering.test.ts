import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The example study is built by a plain Node module, like every service: the project's lint rule for
// services must hold for electron/demo, and the builder must pass it.
describe('the example study builder', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  it('is held to the services rule: an import of the dispatch would be refused', async () => {
    const [result] = await eslint.lintText("import { invoke } from '../backend/dispatch';\nvoid invoke;\n", {
      filePath: 'electron/demo/probe.ts',
    });
    const restricted = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(restricted.map((m) => m.message).join('\n')).toContain('../backend/dispatch');
  }, 60_000);

  it('calls the store and import modules, never back into the dispatch', async () => {
    const results = await eslint.lintFiles(['electron/demo']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`));
    expect(problems).toEqual([]);
  }, 60_000);
});
