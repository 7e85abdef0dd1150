import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { exportCodebook, exportRefiProject } from '../../electron/exchange/exportProject';
import { importRefiProject } from '../../electron/exchange/importProject';
import { closeProject, openProject } from '../../electron/store/openProject';
import { tempDir } from '../helpers/tmp';
import { buildProject, snapshot, type ProjectSpec } from './fixture';
import { readZip, sample, SAMPLES } from './samples';

const schema = (name: string) => ({
  fileName: name,
  contents: fs.readFileSync(path.join(SAMPLES, 'schemas', name), 'utf8'),
});

async function expectValid(xml: string, xsd: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: 'export.xml', contents: xml }, schema: schema(xsd) });
  expect(result.errors.map((e) => e.message)).toEqual([]);
  expect(result.valid).toBe(true);
}

async function exportFile(projectFile: string, target: string, force = false) {
  const project = await openProject(projectFile);
  try {
    return await exportRefiProject(project.db, projectFile, target, force);
  } finally {
    closeProject(project);
  }
}

const SMALL: ProjectSpec = {
  coders: ['anna', 'béla'],
  participants: ['P01', 'P02'],
  documents: [
    {
      title: 'Interview 1',
      raw: '\ufeffElső sor 😀 emoji\r\nmásodik sor: 中文 és e\u0301kezet\r\n',
      participant: 0,
    },
    { title: 'Notes', raw: 'Plain <text> & "quotes"\nline two' },
  ],
  codes: [
    { name: 'Trust', parent: -1, color: '#e6194b', description: 'How people trust', codable: false },
    { name: 'Doubt', parent: 0, color: '#3cb44b', description: '' },
  ],
  segments: [
    { document: 0, code: 1, coder: 0, a: 10, b: 12, memo: 'the emoji' },
    { document: 0, code: 0, coder: 1, a: 0, b: 200, memo: '' },
    { document: 1, code: 0, coder: 0, a: 6, b: 12, memo: '' },
  ],
  memos: [
    { target: 'project', index: 0, title: 'Plan', body: 'Line one\nline two', author: 0 },
    { target: 'document', index: 0, title: 'About 1', body: 'Long & <odd>', author: 1 },
    { target: 'code', index: 1, title: 'Doubt memo', body: 'why', author: 0 },
  ],
  codeGroups: [{ name: 'Core', codes: [0, 1] }],
  documentGroups: [{ name: 'Interviews', documents: [0] }],
  attributes: [
    {
      scope: 'document',
      name: 'Year',
      type: 'number',
      values: [
        [0, '2021'],
        [1, '3.5'],
      ],
    },
    { scope: 'document', name: 'Held on', type: 'date', values: [[0, '2021-03-04']] },
    { scope: 'participant', name: 'Sector', type: 'text', values: [[0, 'NGO']] },
    { scope: 'participant', name: 'Senior', type: 'boolean', values: [[1, 'true']] },
  ],
};

describe('REFI-QDA export', () => {
  it('writes a .qdpx whose project.qde validates against Project.xsd, texts under sources/ as UTF-8', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.passage');
    await buildProject(file, SMALL);
    const out = path.join(dir, 'study.qdpx');
    const summary = await exportFile(file, out);
    expect(summary).toMatchObject({ documents: 2, codes: 2, segments: 3 });
    const entries = await readZip(out);
    const qde = entries.get('project.qde')!.toString('utf8');
    await expectValid(qde, 'Project.xsd');
    const sources = [...entries.keys()].filter((n) => n.startsWith('sources/'));
    expect(sources).toHaveLength(2);
    for (const name of sources)
      expect(qde).toContain(`plainTextPath="internal://${name.slice('sources/'.length)}"`);
    // Offsets in code points: the emoji and the space after it are three UTF-16 units, two code points.
    expect(qde).toMatch(/startPosition="9" endPosition="11"/);
    expect(qde).toMatch(/<Code [^>]*name="Trust" isCodable="false"/);
    expect(qde).toMatch(/<Code [^>]*name="Doubt" isCodable="true"/);
  });

  it('exports the same GUIDs and bytes twice, and never overwrites without force or writes over the project', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.passage');
    await buildProject(file, SMALL);
    const a = path.join(dir, 'a.qdpx');
    const b = path.join(dir, 'b.qdpx');
    await exportFile(file, a);
    await exportFile(file, b);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    await expect(exportFile(file, a)).rejects.toThrow(/a\.qdpx already exists/);
    await exportFile(file, a, true);
    await expect(exportFile(file, file, true)).rejects.toThrow(/study\.passage is the open project/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.qdpx', 'b.qdpx', 'study.passage']);
  });

  it('writes a .qdc that validates against Codebook.xsd', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.passage');
    await buildProject(file, SMALL);
    const project = await openProject(file);
    try {
      await exportCodebook(project.db, file, path.join(dir, 'codes.qdc'), false);
    } finally {
      closeProject(project);
    }
    await expectValid(fs.readFileSync(path.join(dir, 'codes.qdc'), 'utf8'), 'Codebook.xsd');
  });

  it('round trip Passage → .qdpx → Passage keeps documents, codes, segments, memos, groups, attributes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.passage');
    await buildProject(file, SMALL);
    await exportFile(file, path.join(dir, 'study.qdpx'));
    await importRefiProject(path.join(dir, 'study.qdpx'), path.join(dir, 'back.passage'));
    expect(snapshot(path.join(dir, 'back.passage'))).toEqual(snapshot(file));
  });

  it('re-exports an NVivo import valid against Project.xsd, keeping NVivo’s GUIDs', async () => {
    const dir = tempDir();
    await importRefiProject(sample('nvivo-win-12.6/oltas.qdpx'), path.join(dir, 'nvivo.passage'));
    await exportFile(path.join(dir, 'nvivo.passage'), path.join(dir, 'again.qdpx'));
    const qde = (await readZip(path.join(dir, 'again.qdpx'))).get('project.qde')!.toString('utf8');
    await expectValid(qde, 'Project.xsd');
    expect(qde).toContain('guid="3c51efbb-071f-43a7-9f32-228b89668e8d"');
    expect(qde).toContain('guid="56a79789-d535-4fb8-bedd-a915504c54ba"');
  });
});

// Random small projects: texts mixing emoji, CJK, combining marks and CRLF; random trees and spans.
const PIECES = ['word', ' ', 'ő', '中文', '😀', '👨‍👩‍👧', 'e\u0301', '\r\n', '\n', '&', '<', '"'];
const text = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 })
  .map((p) => `x${p.join('')}`);
const name = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,8}$/).map((s) => s.trim() || 'n');
const specArb: fc.Arbitrary<ProjectSpec> = fc
  .record({
    docs: fc.array(fc.record({ raw: text, participant: fc.option(fc.nat(1), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    codes: fc.array(
      fc.record({
        parent: fc.nat(),
        color: fc.constantFrom('#e6194b', '#3cb44b', '#4363d8'),
        description: fc.constantFrom('', 'why it matters'),
        codable: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    segments: fc.array(
      fc.record({
        document: fc.nat(),
        code: fc.nat(),
        coder: fc.nat(1),
        a: fc.nat(200),
        b: fc.nat(200),
        memo: fc.constantFrom('', 'a memo 😀', 'line\nline'),
      }),
      { maxLength: 12 },
    ),
    memoBodies: fc.array(
      fc.tuple(
        fc.constantFrom<'project' | 'document' | 'code'>('project', 'document', 'code'),
        fc.nat(),
        text,
      ),
      { maxLength: 4 },
    ),
    groupName: name,
  })
  .map(({ docs, codes, segments, memoBodies, groupName }) => ({
    coders: ['anna', 'béla'],
    participants: ['P01', 'P02'],
    documents: docs.map((d, i) => ({
      title: `Doc ${i}`,
      raw: d.raw,
      ...(d.participant === undefined ? {} : { participant: d.participant }),
    })),
    codes: codes.map((c, i) => ({
      name: `Code ${i}`,
      parent: i === 0 ? -1 : (c.parent % (i + 1)) - 1,
      color: c.color,
      description: c.description,
      codable: c.codable,
    })),
    segments: segments.map((s) => ({
      ...s,
      document: s.document % docs.length,
      code: s.code % codes.length,
    })),
    memos: memoBodies.map(([target, index, body], i) => ({
      target,
      index,
      title: `Memo ${i}`,
      body,
      author: i,
    })),
    codeGroups: [{ name: groupName, codes: [0, codes.length - 1] }],
    documentGroups: [{ name: `${groupName} docs`, documents: [0] }],
    attributes: [
      {
        scope: 'document' as const,
        name: 'Place',
        type: 'text' as const,
        values: docs.map((_, i) => [i, `town ${i}`] as [number, string]),
      },
    ],
  }));

describe('REFI-QDA round trip (property)', () => {
  it('any small project comes back the same', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async (spec) => {
        const dir = tempDir();
        const file = path.join(dir, 'p.passage');
        await buildProject(file, spec);
        await exportFile(file, path.join(dir, 'p.qdpx'));
        await importRefiProject(path.join(dir, 'p.qdpx'), path.join(dir, 'back.passage'));
        expect(snapshot(path.join(dir, 'back.passage'))).toEqual(snapshot(file));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
