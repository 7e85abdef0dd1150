/**
 * Names from another tool's file lose their direction controls (U+202E and kin) at import: a name
 * that shows as one thing and sorts, searches and exports as another is never kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { importRefiProject } from '../../electron/exchange/importProject';
import { tempDir } from '../helpers/tmp';

const RLO = '\u202E';
const g = (n: number) => `0000000${n}-abcd-4ef0-8123-0123456789ab`;

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Names">
 <Users><User guid="${g(1)}" name="Ann${RLO}a"/></Users>
 <CodeBook><Codes><Code guid="${g(2)}" name="Trust${RLO}ts" isCodable="true"/></Codes></CodeBook>
 <Variables><Variable guid="${g(3)}" name="Age${RLO}ga" typeOfVariable="Text"/></Variables>
 <Cases><Case guid="${g(4)}" name="P0${RLO}1">
  <VariableValue><VariableRef targetGUID="${g(3)}"/><TextValue>40</TextValue></VariableValue>
  <SourceRef targetGUID="${g(5)}"/>
 </Case></Cases>
 <Sources>
  <TextSource guid="${g(5)}" name="Interview${RLO}txt.exe" creatingUser="${g(1)}">
   <PlainTextContent>Hello world.</PlainTextContent>
   <PlainTextSelection guid="${g(6)}" startPosition="0" endPosition="5" creatingUser="${g(1)}">
    <Coding guid="${g(7)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(2)}"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <TextSource guid="${g(8)}" plainTextPath="internal://Second${RLO}fdp.txt"/>
 </Sources>
 <Sets>
  <Set guid="${g(9)}" name="Key${RLO}codes"><MemberCode targetGUID="${g(2)}"/></Set>
  <Set guid="aaaaaaaa-0000-4000-8000-000000000001" name="First${RLO}wave"><MemberSource targetGUID="${g(5)}"/></Set>
 </Sets>
</Project>`;

function writeZip(file: string, entries: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
    zip.end();
  });
}

function column(file: string, sql: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('REFI-QDA import of names', () => {
  it('strips direction controls from code, document, set, user, case and variable names', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'names.qdpx');
    await writeZip(file, { 'project.qde': QDE, [`sources/Second${RLO}fdp.txt`]: 'Second text' });
    const out = path.join(dir, 'names.passage');
    const summary = await importRefiProject(file, out);
    expect(summary.report.join('\n')).not.toContain(RLO);
    expect(column(out, 'SELECT name FROM codes')).toEqual(['Trustts']);
    expect(column(out, 'SELECT title FROM documents ORDER BY id')).toEqual(['Interviewtxt.exe', 'Secondfdp']);
    expect(column(out, 'SELECT name FROM code_groups')).toEqual(['Keycodes']);
    expect(column(out, 'SELECT name FROM document_groups')).toEqual(['Firstwave']);
    expect(column(out, 'SELECT name FROM coders')).toEqual(['Anna']);
    expect(column(out, 'SELECT label FROM participants')).toEqual(['P01']);
    expect(column(out, 'SELECT name FROM attributes')).toEqual(['Agega']);
  });
});
