// The privacy commands as a user runs them: the built CLI in a separate process, real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const env = { PASSAGE_PASSPHRASE: 'correct horse battery' };

describe('passage identity / anonymise / import --anonymise / privacy scan', () => {
  it('keeps real names out of the project and proves it; a scan finds a planted name (exit 1)', () => {
    const dir = tempDir();
    const project = path.join(dir, 'study.passage');
    const home = { ...env, PASSAGE_HOME: path.join(dir, 'home') };
    expect(runPassage(['new', project], home).status).toBe(0);
    expect(runPassage(['sample', project, 'add', 'P07'], home).status).toBe(0);
    // Non-interactive and no passphrase: refused with what to do.
    const noPass = runPassage(['identity', project, 'init'], {
      PASSAGE_HOME: home.PASSAGE_HOME,
      PASSAGE_PASSPHRASE: '',
    });
    expect(noPass.status).toBe(1);
    expect(noPass.stderr).toContain('set PASSAGE_PASSPHRASE or run in a terminal');
    expect(runPassage(['identity', project, 'init'], home).status).toBe(0);
    const set = runPassage(
      [
        'identity',
        project,
        'set',
        'P07',
        '--name',
        'Ingrid Halvorsen',
        '--alias',
        'Inga',
        '--contact',
        'ingrid.h@example.no',
      ],
      home,
    );
    expect(set.status, set.stderr).toBe(0);

    const docs = path.join(dir, 'halvorsen_interview.txt');
    fs.writeFileSync(
      docs,
      'Interviewer: Welcome, Ms Halvorsen.\nP07: Inga is fine. HALVORSEN’s my family name. Mail ingrid.h@example.no. Kabul was hard.\n',
    );
    const decisions = path.join(dir, 'decisions.json');
    fs.writeFileSync(decisions, JSON.stringify({ reject: ['Kabul'] }));
    const out = path.join(dir, 'anonymised');
    const anonymised = runPassage(
      ['anonymise', project, '--docs', docs, '--out', out, '--decisions', decisions, '--json'],
      home,
    );
    expect(anonymised.status, anonymised.stderr).toBe(0);
    const written = anonymised.json<{ written: { out: string }[] }>().written;
    expect(path.basename(written[0]!.out)).toBe('[P07]_interview.txt');
    const copy = fs.readFileSync(written[0]!.out, 'utf8');
    expect(copy).not.toMatch(/halvorsen|inga\b|ingrid/i);
    expect(copy).toContain('Kabul');

    const imported = runPassage(['import', project, '--docs', docs, '--anonymise', '--json'], home);
    expect(imported.status, imported.stderr).toBe(0);
    const clean = runPassage(['privacy', project, 'scan', '--files', written[0]!.out, '--json'], home);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.json<{ hits: unknown[] }>().hits).toEqual([]);

    const leaked = path.join(dir, 'report.csv');
    fs.writeFileSync(leaked, 'quote\n"as Dr. Halvorsen said"\n');
    const dirty = runPassage(['privacy', project, 'scan', '--files', leaked], home);
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toContain('report.csv');
    expect(dirty.stderr).toContain('P07');

    const badDecisions = path.join(dir, 'bad.json');
    fs.writeFileSync(badDecisions, JSON.stringify({ reject: 'Kabul' }));
    const bad = runPassage(
      ['anonymise', project, '--docs', docs, '--out', path.join(dir, 'o2'), '--decisions', badDecisions],
      home,
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--decisions bad.json: reject');
    expect(fs.existsSync(path.join(dir, 'o2'))).toBe(false);
    // A dozen processes, each deriving the key with scrypt: slow on a loaded machine, not a timing test.
  }, 240_000);

  it('anonymises documents already imported: a dry run lists findings, then uncoded texts are rewritten', () => {
    const dir = tempDir();
    const project = path.join(dir, 'study.passage');
    const home = { ...env, PASSAGE_HOME: path.join(dir, 'home') };
    expect(runPassage(['new', project], home).status).toBe(0);
    expect(runPassage(['sample', project, 'add', 'P07'], home).status).toBe(0);
    expect(runPassage(['identity', project, 'init'], home).status).toBe(0);
    const set = runPassage(['identity', project, 'set', 'P07', '--name', 'Ingrid Halvorsen'], home);
    expect(set.status, set.stderr).toBe(0);
    const docs = path.join(dir, 'interview.txt');
    fs.writeFileSync(docs, 'Interviewer: Welcome, Ms Halvorsen.\nP07: HALVORSEN’s my family name.\n');
    const plain = runPassage(['import', project, '--docs', docs, '--json'], home);
    expect(plain.status, plain.stderr).toBe(0);
    const leaked = runPassage(['privacy', project, 'scan'], home);
    expect(leaked.status).toBe(1);

    const dry = runPassage(['anonymise', project, '--imported', '--dry-run', '--json'], home);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.json<{ groups: { surface: string; replacement: string }[] }>().groups).toContainEqual(
      expect.objectContaining({ surface: 'Ms Halvorsen', replacement: '[P07]' }),
    );
    expect(runPassage(['privacy', project, 'scan'], home).status).toBe(1);

    const bad = runPassage(['anonymise', project, '--imported', '--ids', 'first'], home);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--ids: “first” is not a document id');

    const applied = runPassage(['anonymise', project, '--imported'], home);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('rewrote  #1 interview (2 replacement(s))');
    const clean = runPassage(['privacy', project, 'scan', '--json'], home);
    expect(clean.status, clean.stderr).toBe(0);

    const restored = runPassage(['anonymise', project, '--imported', '--restore'], home);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('restored #1 interview');
    expect(runPassage(['privacy', project, 'scan'], home).status).toBe(1);
  }, 240_000);
});
