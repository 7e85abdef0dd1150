import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary, ImportSummary } from '../../shared/api/documents';
import { runPassage } from '../helpers/cli';

describe('passage import / docs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-docs-cli-'));
  const file = path.join(dir, 'cli.passage');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    process.env.PASSAGE_HOME = path.join(dir, 'home');
    expect(runPassage(['new', file]).status).toBe(0);
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(path.join(corpus, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(corpus, 'Interview 1 2019.txt'), 'Interviewer: Why?\nRespondent: Because.');
    fs.writeFileSync(path.join(corpus, 'sub', 'Interview 2.md'), 'Q: When?\nA: Later.');
    fs.writeFileSync(path.join(corpus, 'notes.txt'), '');
  });

  it('imports a folder into a group, lists the documents and refuses an all-failed import with exit 1', () => {
    const run = runPassage([
      'import',
      file,
      '--docs',
      path.join(dir, 'corpus'),
      '--kind',
      'interview',
      '--group',
      'Wave 1',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = run.json<ImportSummary>();
    expect(summary.imported.map((i) => i.name)).toEqual([
      path.join('corpus', 'Interview 1 2019.txt'),
      path.join('corpus', 'sub', 'Interview 2.md'),
    ]);
    expect(summary.failed).toEqual([{ name: path.join('corpus', 'notes.txt'), reason: 'empty' }]);
    expect(summary.groupId).toBeGreaterThan(0);

    const human = runPassage(['import', file, '--docs', path.join(dir, 'corpus', 'notes.txt')]);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/failed {5}notes\.txt: empty/);
    expect(human.stderr).toMatch(/no file could be imported — notes\.txt: empty/);

    const dup = runPassage(['import', file, '--docs', path.join(dir, 'corpus', 'sub')]);
    expect(dup.status).toBe(0);
    expect(dup.stdout).toMatch(/imported 0, skipped 1 duplicate\(s\), failed 0/);

    fs.writeFileSync(path.join(dir, 'attrs.csv'), 'title,sector\nInterview 1 2019,NGO\n');
    const attrs = runPassage(['docs', file, 'import-attributes', path.join(dir, 'attrs.csv')]);
    expect(attrs.status).toBe(0);
    expect(attrs.stdout).toMatch(/matched 1 document\(s\), set 1 value\(s\)/);

    const list = runPassage(['docs', file, 'list', '--json']).json<DocumentSummary[]>();
    expect(list.map((d) => [d.title, d.kind, d.year, d.wordCount, d.attributes])).toEqual([
      ['Interview 1 2019', 'interview', 2019, 4, { sector: 'NGO' }],
      ['Interview 2', 'interview', null, 4, {}],
    ]);
    expect(runPassage(['docs', file, 'list']).stdout).toMatch(
      /Interview 1 2019\tinterview\ttxt\t2019\t4 words\t0 segments\tsector=NGO/,
    );
    expect(runPassage(['import', file, '--docs']).status).toBe(1);
  });
});
