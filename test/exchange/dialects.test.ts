import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { importRefiProject } from '../../electron/exchange/importProject';
import { tempDir } from '../helpers/tmp';
import { readZip, sample } from './samples';

function writeZip(file: string, entries: Record<string, string | Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
    zip.end();
  });
}

const G = (n: number) => `{0000000${n}-ABCD-4EF0-8123-0123456789AB}`;
const g = (n: number) => `0000000${n}-abcd-4ef0-8123-0123456789ab`;

// An older namespace with a prefix, GUIDs upper-case in braces, `<name>.qde` and `Sources/`, inline
// text, and every problem the schema cannot catch.
const QDE = `<?xml version="1.0" encoding="utf-8"?>
<q:Project xmlns:q="urn:QDA-XML:project:0:4" name="Dialect" origin="SomeTool 2">
 <q:Users><q:User guid="${G(1)}" name="Ann"/></q:Users>
 <q:CodeBook><q:Codes>
  <q:Code guid="${G(2)}" name="Parent" isCodable="false" color="#FF000080">
   <q:Code guid="${G(3)}" name="Child" isCodable="true"/>
  </q:Code>
  <q:Code guid="${G(2)}" name="Duplicate" isCodable="true"/>
 </q:Codes></q:CodeBook>
 <q:Sources>
  <q:TextSource guid="${G(4)}" name="Inline" creatingUser="${G(1)}">
   <q:PlainTextContent>Hello world, said Ann.</q:PlainTextContent>
   <q:PlainTextSelection guid="${G(5)}" startPosition="6" endPosition="11" creatingUser="${G(1)}">
    <q:Coding guid="${G(6)}" creatingUser="${G(1)}"><q:CodeRef targetGUID="${G(3)}"/></q:Coding>
    <q:Coding guid="${G(7)}"><q:CodeRef targetGUID="${G(9)}"/></q:Coding>
   </q:PlainTextSelection>
   <q:PlainTextSelection guid="${G(8)}" startPosition="13" endPosition="99"><q:Coding guid="aaaaaaaa-0000-4000-8000-000000000001"><q:CodeRef targetGUID="${G(3)}"/></q:Coding></q:PlainTextSelection>
   <q:PlainTextSelection guid="aaaaaaaa-0000-4000-8000-000000000002" startPosition="0" endPosition="5"><q:Description>A comment on Hello</q:Description></q:PlainTextSelection>
  </q:TextSource>
  <q:TextSource guid="aaaaaaaa-0000-4000-8000-000000000003" name="From file" plainTextPath="internal://Text.TXT"/>
  <q:TextSource guid="aaaaaaaa-0000-4000-8000-000000000004" name="Gone" plainTextPath="internal://missing.txt"/>
 </q:Sources>
</q:Project>`;

function rows<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('REFI-QDA dialects and damaged files', () => {
  it('reads prefixes, old namespaces, braced GUIDs, <name>.qde, Sources/ and reports what the schema cannot catch', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dialect.qdpx');
    await writeZip(file, { 'Dialect.qde': QDE, 'Sources/text.txt': 'Second text\r\n' });
    const out = path.join(dir, 'd.passage');
    const summary = await importRefiProject(file, out);
    expect(summary).toMatchObject({ documents: 2, codes: 2, segments: 1 });
    const report = summary.report.join('\n');
    expect(report).toMatch(
      /Code "Duplicate": skipped — guid 00000002-abcd-4ef0-8123-0123456789ab is used by an earlier element/,
    );
    expect(report).toMatch(/Coding 00000007-abcd-4ef0-8123-0123456789ab .*no code has guid 00000009/);
    expect(report).toMatch(/PlainTextSelection 00000008-.*outside the text/);
    expect(report).toMatch(
      /TextSource "Gone": not kept — its text file internal:\/\/missing.txt is not in the archive/,
    );
    expect(report).toMatch(/Code "Parent": marked not codable/);
    expect(rows(out, 'SELECT guid, name, color, codable FROM codes ORDER BY id')).toEqual([
      { guid: g(2), name: 'Parent', color: '#ff0000', codable: 0 },
      { guid: g(3), name: 'Child', color: expect.stringMatching(/^#/), codable: 1 },
    ]);
    expect(rows(out, 'SELECT guid, text FROM segments')).toEqual([{ guid: g(6), text: 'world' }]);
    expect(rows(out, 'SELECT title, text FROM documents ORDER BY id')).toEqual([
      { title: 'Inline', text: 'Hello world, said Ann.' },
      { title: 'From file', text: 'Second text' },
    ]);
    const memos = rows<{ title: string; body: string }>(out, 'SELECT title, body FROM memos');
    expect(memos).toContainEqual({ title: 'On "Hello"', body: '> Hello\n\nA comment on Hello' });
  });

  it('refuses a truncated project.qde with the file name, and creates nothing', async () => {
    const dir = tempDir();
    const entries = await readZip(sample('nvivo-win-12.6/oltas.qdpx'));
    const qde = entries.get('project.qde')!;
    const file = path.join(dir, 'cut.qdpx');
    await writeZip(file, { 'project.qde': qde.subarray(0, qde.length / 2) });
    await expect(importRefiProject(file, path.join(dir, 'cut.passage'))).rejects.toThrow(
      /cut\.qdpx: project\.qde is truncated/,
    );
    expect(fs.readdirSync(dir)).toEqual(['cut.qdpx']);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bomb.qdpx');
    await writeZip(file, { 'project.qde': '<Project/>', 'sources/a.txt': Buffer.alloc(64 * 1024 * 1024) });
    await expect(importRefiProject(file, path.join(dir, 'b.passage'))).rejects.toThrow(
      /bomb\.qdpx is refused as a possible zip bomb: sources\/a\.txt/,
    );
    expect(fs.readdirSync(dir)).toEqual(['bomb.qdpx']);
  });

  it('refuses a zip without a .qde, and a truncated zip, naming the file', async () => {
    const dir = tempDir();
    await writeZip(path.join(dir, 'empty.qdpx'), { 'readme.txt': 'hi' });
    await expect(
      importRefiProject(path.join(dir, 'empty.qdpx'), path.join(dir, 'e.passage')),
    ).rejects.toThrow(/empty\.qdpx is not a REFI-QDA project: the archive holds no \.qde/);
    const whole = fs.readFileSync(sample('qc-1.2.0/demo.qdpx'));
    fs.writeFileSync(path.join(dir, 'half.qdpx'), whole.subarray(0, whole.length / 2));
    await expect(importRefiProject(path.join(dir, 'half.qdpx'), path.join(dir, 'h.passage'))).rejects.toThrow(
      /half\.qdpx is a damaged zip/,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['empty.qdpx', 'half.qdpx']);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'c.passage');
    await expect(
      importRefiProject(sample('qc-1.2.0/demo.qdpx'), out, {
        onProgress: (phase) => {
          if (phase === 'writing') throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
