import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Code, CodeGroup, Segment, TemplateLoadResult, UndoResult } from '../../shared/api/coding';
import { runPassage } from '../helpers/cli';
import { addDocument } from './fixture';

// Text with an emoji before the coded words, so code-point and UTF-16 offsets differ by one.
const TEXT = 'Intro 😀 NATO asked NGOs for advice.\n';

describe('passage codebook / code / undo / redo / memo', () => {
  let file: string;
  let doc: number;
  const env = { PASSAGE_CODER: 'cli-coder' };
  // One project across the tests (each a later run of the CLI); tempDir() would be removed after each test.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    process.env.PASSAGE_HOME = path.join(dir, 'home');
    file = path.join(dir, 'cli.passage');
    expect(runPassage(['new', file]).status).toBe(0);
    const db = new Database(file);
    doc = addDocument(db, 'Interview 1', TEXT);
    db.close();
  });

  it('loads the template twice without duplicates and lists it', () => {
    const first = runPassage(['codebook', file, 'load', 'nato-ngo-framework', '--json'], env);
    expect(first.status).toBe(0);
    expect(first.json<TemplateLoadResult>().codesCreated).toBe(34);
    expect(
      runPassage(['codebook', file, 'load', 'nato-ngo-framework', '--json'], env).json<TemplateLoadResult>(),
    ).toMatchObject({ codesCreated: 0, codesExisting: 34 });
    const list = runPassage(['codebook', file, 'list'], env);
    expect(list.stdout).toMatch(/^Push factors .*\n {2}NGO push for access/m);
    expect(list.stdout).toMatch(/group Learning stage: Analysis, Implementation, Institutionalisation/);
  });

  it('adds a code under a parent into a group, and refuses an unknown parent', () => {
    const added = runPassage(
      [
        'codebook',
        file,
        'add',
        'Training',
        '--parent',
        'Resource gaps',
        '--group',
        'Resource concerns',
        '--color',
        '#123456',
        '--json',
      ],
      env,
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const code = added.json<Code>();
    expect(code).toMatchObject({ name: 'Training', color: '#123456' });
    const { codes, groups } = runPassage(['codebook', file, 'list', '--json'], env).json<{
      codes: Code[];
      groups: CodeGroup[];
    }>();
    expect(codes.find((c) => c.id === code.parentId)?.name).toBe('Resource gaps');
    expect(groups.find((g) => g.name === 'Resource concerns')?.codeIds).toContain(code.id);
    const bad = runPassage(['codebook', file, 'add', 'X', '--parent', 'Nope'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/codebook add: --parent: code "Nope" does not exist/);
  });

  it('codes by code points or UTF-16, then undoes and redoes in later runs', () => {
    // "NATO" starts at UTF-16 unit 9 ("Intro " 6 + emoji 2 + " " 1) = code point 8.
    const cp = runPassage(
      [
        'code',
        file,
        '--doc',
        String(doc),
        '--start',
        '8',
        '--end',
        '12',
        '--code',
        'Pull factors',
        '--unit',
        'codepoints',
        '--json',
      ],
      env,
    );
    expect(cp.status).toBe(0);
    expect(cp.json<Segment>()).toMatchObject({
      startUtf16: 9,
      endUtf16: 13,
      text: 'NATO',
      coder: 'cli-coder',
    });
    const u16 = runPassage(
      [
        'code',
        file,
        '--doc',
        String(doc),
        '--start',
        '25',
        '--end',
        '35',
        '--code',
        'Knowledge and expertise',
        '--json',
      ],
      env,
    );
    expect(u16.json<Segment>().text).toBe('for advice');
    const split = runPassage(
      ['code', file, '--doc', String(doc), '--start', '7', '--end', '12', '--code', 'NGO'],
      env,
    );
    expect(split.status).toBe(1);
    expect(split.stderr).toMatch(/startUtf16: 7 splits a surrogate pair/);

    const undone = runPassage(['undo', file, '--json'], env).json<UndoResult>();
    expect(undone.label).toBe('Apply code Knowledge and expertise');
    expect(undone.state.redo).toBe('Apply code Knowledge and expertise');
    expect(runPassage(['segments', file, '--code', 'Knowledge and expertise'], env).stdout).toMatch(
      /no segments/,
    );
    expect(runPassage(['redo', file], env).stdout).toMatch(/redid: Apply code Knowledge and expertise/);
    expect(runPassage(['segments', file, '--code', 'Resource gaps', '--children'], env).stdout).toMatch(
      /Interview 1 \[25-35\] Knowledge and expertise: "for advice"/,
    );
  });

  it('adds and lists memos', () => {
    expect(
      runPassage(['memo', file, 'add', 'Check the PRT angle', '--code', 'Pull factors'], env).status,
    ).toBe(0);
    const listed = runPassage(['memo', file, 'list', '--query', 'prt'], env);
    expect(listed.stdout).toMatch(/^code Pull factors — cli-coder: Check the PRT angle$/m);
  });
});
