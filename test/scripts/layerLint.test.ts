// The layers inside electron/ import only downward (eslint.config.js): store ← services ← backend ←
// cli, server, main; no service and no handler calls back into the dispatch.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, {
    filePath: path.join(root, file),
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules of electron/', () => {
  it.each([
    ['electron/store/anyTable.ts', "import { x } from '../import/contentHash';"],
    ['electron/store/anyTable.ts', "import type { x } from '../backend/session';"],
    ['electron/reports/anyReport.ts', "import { x } from '../backend/dispatch';"],
    ['electron/export/docx/anyPart.ts', "import { x } from '../../backend/jobs';"],
    ['electron/team/anyService.ts', "import { x } from '../cli/output';"],
    ['electron/backend/anyModule.ts', "import { x } from '../server/httpServer';"],
    ['electron/backend/handlers/anyDomain.ts', "import { x } from '../dispatch';"],
  ])('refuses %s: %s', async (file, source) => {
    expect(await layerErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ['electron/store/anyTable.ts', "import { x } from './statements';"],
    ['electron/store/anyTable.ts', "import { x } from '../../shared/api/result';"],
    ['electron/reports/anyReport.ts', "import { x } from '../store/documents';"],
    ['electron/backend/handlers/anyDomain.ts', "import { x } from '../../reports/reports';"],
    ['electron/cli/commands/anyCommand.ts', "import { x } from '../../backend/dispatch';"],
    ['electron/server/anyModule.ts', "import { x } from '../backend/dispatch';"],
  ])('allows %s: %s', async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});
