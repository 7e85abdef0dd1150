import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { sample } from './samples';

describe('passage refi / codebook export (CLI, built)', () => {
  it('imports NVivo’s .qdpx, exports it again and its codebook, with JSON and refusals', () => {
    const dir = tempDir();
    const project = path.join(dir, 'nvivo.passage');
    const imported = runPassage(['refi', 'import', sample('nvivo-win-12.6/oltas.qdpx'), project, '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.json()).toMatchObject({
      documents: 1,
      codes: 60,
      segments: 97,
      units: [{ unit: expect.stringMatching(/UTF-16/) }],
    });

    const again = runPassage(['refi', 'import', sample('nvivo-win-12.6/oltas.qdpx'), project]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/nvivo\.passage already exists/);

    const out = path.join(dir, 'out.qdpx');
    expect(runPassage(['refi', 'export', project, out, '--json']).status).toBe(0);
    const refused = runPassage(['refi', 'export', project, out]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/out\.qdpx already exists/);
    expect(runPassage(['refi', 'export', project, out, '--force']).status).toBe(0);

    const qdc = path.join(dir, 'codes.qdc');
    expect(runPassage(['codebook', project, 'export', qdc]).status).toBe(0);
    expect(fs.readFileSync(qdc, 'utf8')).toContain('name="méreg"');

    const html = runPassage([
      'refi',
      'import',
      sample('negative/qc-demo-38d93b9-is-html.qdpx'),
      path.join(dir, 'x.passage'),
    ]);
    expect(html.status).not.toBe(0);
    expect(html.stderr).toMatch(/qc-demo-38d93b9-is-html\.qdpx is not a REFI-QDA project/);

    const badUnit = runPassage([
      'refi',
      'import',
      sample('qc-1.2.0/demo.qdpx'),
      path.join(dir, 'y.passage'),
      '--offsets',
      'bytes',
    ]);
    expect(badUnit.status).not.toBe(0);
    expect(badUnit.stderr).toMatch(/--offsets must be auto, codepoints or utf16/);
    expect(fs.readdirSync(dir).sort()).toEqual(['codes.qdc', 'nvivo.passage', 'out.qdpx']);
  }, 120_000);
});
