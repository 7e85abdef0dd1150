import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePath } from '../../shared/coding/tree';
import { tempDir } from '../helpers/tmp';
import { addDocument, newStudy, spanOf, TRANSCRIPT } from './fixture';

const FRAMEWORK: Record<string, string[]> = {
  'Push factors': ['NGO push for access', 'NGO funding needs'],
  'Pull factors': [],
  'Resource gaps': [
    'Public legitimacy',
    'Operational effectiveness',
    'Knowledge and expertise',
    'Information',
  ],
  'Learning stage': ['Analysis', 'Implementation', 'Institutionalisation'],
  'Level of cooperation': ['Civilian structure', 'Military structure', 'Operational level'],
  'Type of relationship': ['Discussion', 'Cooperation'],
  Stakeholder: [
    'NGO',
    'ICRC',
    'UN agencies',
    'European Union',
    'Academia',
    'Think tanks',
    'Journalists and experts',
    'Diplomats and politicians',
  ],
  'Mission or issue': ['Afghanistan/ISAF', 'Kosovo/KFOR', 'Libya', 'Comprehensive approach'],
};

describe('templates', () => {
  it('lists the shipped framework', async () => {
    const study = await newStudy();
    const templates = await study.call('templates.list', {});
    const nato = templates.find((t) => t.name === 'nato-ngo-framework');
    const expectedCodes = Object.keys(FRAMEWORK).length + Object.values(FRAMEWORK).flat().length;
    expect(nato).toMatchObject({ codeCount: expectedCodes, groupCount: 6 });
  });

  it('loads the framework with descriptions and groups, and loading twice duplicates nothing', async () => {
    const study = await newStudy();
    const first = await study.call('templates.load', { name: 'nato-ngo-framework' });
    const total = Object.keys(FRAMEWORK).length + Object.values(FRAMEWORK).flat().length; // 8 top-level + 2+0+4+3+3+2+8+4 = 34
    expect(total).toBe(34);
    expect(first).toEqual({ codesCreated: 34, codesExisting: 0, groupsCreated: 6, membershipsAdded: 25 });
    const codes = await study.call('codes.list', {});
    const tops = codes.filter((c) => c.parentId === null).sort((a, b) => a.position - b.position);
    expect(tops.map((c) => c.name)).toEqual(Object.keys(FRAMEWORK));
    for (const top of tops) {
      const kids = codes.filter((c) => c.parentId === top.id).sort((a, b) => a.position - b.position);
      expect(kids.map((c) => c.name)).toEqual(FRAMEWORK[top.name]);
    }
    for (const code of codes) expect(code.description).toMatch(/When to use: .+\nWhen not to use: .+/);
    const groups = await study.call('codeGroups.list', {});
    expect(groups.map((g) => g.name)).toEqual([
      'Resource concerns',
      'Learning stage',
      'Level of cooperation',
      'Type of relationship',
      'Stakeholder',
      'Mission or issue',
    ]);
    const stakeholders = groups.find((g) => g.name === 'Stakeholder')!;
    expect(stakeholders.codeIds.map((id) => codePath(codes, id)).sort()).toEqual(
      FRAMEWORK.Stakeholder!.map((n) => `Stakeholder › ${n}`).sort(),
    );

    const snapshot = study.snapshot();
    const second = await study.call('templates.load', { name: 'nato-ngo-framework' });
    expect(second).toEqual({ codesCreated: 0, codesExisting: 34, groupsCreated: 0, membershipsAdded: 0 });
    expect(study.snapshot()).toEqual(snapshot);
  });

  it('merges into an existing codebook, keeping existing codes and their descriptions', async () => {
    const study = await newStudy();
    const mine = await study.call('codes.create', { name: 'stakeholder', description: 'My own definition' });
    const result = await study.call('templates.load', { name: 'nato-ngo-framework' });
    expect(result.codesExisting).toBe(1);
    expect(result.codesCreated).toBe(33);
    const codes = await study.call('codes.list', {});
    expect(codes.filter((c) => c.name.toLowerCase() === 'stakeholder')).toHaveLength(1);
    expect(codes.find((c) => c.id === mine.id)?.description).toBe('My own definition');
    expect(codes.filter((c) => c.parentId === mine.id)).toHaveLength(8);
  });

  it('is one undo entry', async () => {
    const study = await newStudy();
    const before = study.snapshot();
    await study.call('templates.load', { name: 'nato-ngo-framework' });
    expect((await study.call('undo.undo', {})).label).toBe('Load codebook NATO–NGO cooperation framework');
    expect(study.snapshot()).toEqual(before);
  });

  it('loads a JSON file and a REFI-QDA .qdc file by path, and refuses bad ones', async () => {
    const study = await newStudy();
    const dir = tempDir();
    const json = path.join(dir, 'mini.json');
    fs.writeFileSync(
      json,
      JSON.stringify({
        format: 'passage-codebook',
        version: 1,
        title: 'Mini',
        codes: [{ name: 'Trust', children: [{ name: 'Distrust', definition: 'Lack of trust' }] }],
        groups: [{ name: 'Feelings', codes: [['Trust', 'Distrust']] }],
      }),
    );
    expect(await study.call('templates.load', { path: json })).toMatchObject({
      codesCreated: 2,
      groupsCreated: 1,
    });
    const qdc = path.join(dir, 'book.qdc');
    fs.writeFileSync(
      qdc,
      `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other tool">
  <Codes>
    <Code guid="a1" name="Trust" isCodable="true" color="#00FF00">
      <Code guid="a2" name="Institutional trust" isCodable="true"><Description>Trust in NATO &amp; the UN</Description></Code>
    </Code>
    <Code guid="a3" name="Risk" isCodable="true" color="#FF0000"/>
  </Codes>
  <Sets><Set guid="s1" name="Feelings"><MemberCode targetGUID="a2"/><MemberCode targetGUID="a3"/></Set></Sets>
</CodeBook>`,
    );
    expect(await study.call('templates.load', { path: qdc })).toEqual({
      codesCreated: 2,
      codesExisting: 1,
      groupsCreated: 0,
      membershipsAdded: 2,
    });
    const codes = await study.call('codes.list', {});
    expect(codes.find((c) => c.name === 'Institutional trust')?.description).toBe('Trust in NATO & the UN');
    expect(codes.find((c) => c.name === 'Risk')?.color).toBe('#FF0000');

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"format":"passage-codebook","version":1,"title":"x","codes":[{"nom":"x"}]}');
    await expect(study.call('templates.load', { path: bad })).rejects.toThrow(/bad.json: codes.0/);
    await expect(study.call('templates.load', { path: path.join(dir, 'none.json') })).rejects.toThrow(
      /none.json does not exist/,
    );
    await expect(study.call('templates.load', { name: '../etc/passwd' })).rejects.toThrow(
      /is not one of the templates/,
    );
    await expect(study.call('templates.load', {})).rejects.toThrow(/either a template name or a file/);
  });
});

describe('code groups', () => {
  it('creates, renames, sets members and deletes, each undoable with members restored', async () => {
    const study = await newStudy();
    const a = await study.call('codes.create', { name: 'A' });
    const b = await study.call('codes.create', { name: 'B' });
    const group = await study.call('codeGroups.create', { name: 'Resource concerns', codeIds: [a.id] });
    expect(group.codeIds).toEqual([a.id]);
    expect((await study.call('codes.list', {})).find((c) => c.id === a.id)?.groupIds).toEqual([group.id]);
    const steps: [() => Promise<unknown>, string][] = [
      [
        () => study.call('codeGroups.update', { id: group.id, name: 'Resources' }),
        'Edit code group Resource concerns',
      ],
      [
        () => study.call('codeGroups.setMembers', { id: group.id, codeIds: [b.id] }),
        'Change codes of group Resources',
      ],
      [() => study.call('codeGroups.delete', { id: group.id }), 'Delete code group Resources'],
    ];
    for (const [action, label] of steps) {
      const before = study.snapshot();
      await action();
      const after = study.snapshot();
      await study.reopen();
      expect((await study.call('undo.undo', {})).label).toBe(label);
      expect(study.snapshot()).toEqual(before);
      await study.call('undo.redo', {});
      expect(study.snapshot()).toEqual(after);
    }
    await expect(study.call('codeGroups.create', { name: 'X', codeIds: [999] })).rejects.toThrow(
      /code 999 does not exist/,
    );
    await study.call('codeGroups.create', { name: 'Y' });
    await expect(study.call('codeGroups.create', { name: 'y' })).rejects.toThrow(
      /A code group named Y already exists/,
    );
    await expect(study.call('codeGroups.setMembers', { id: 999, codeIds: [] })).rejects.toThrow(
      /code group 999 does not exist/,
    );
  });
});

describe('memos and coders', () => {
  it('lists project, document, code and segment memos, searches them, and undoes memo edits', async () => {
    const study = await newStudy('Anna');
    const doc = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
    const code = await study.call('codes.create', { name: 'Access' });
    const project = await study.call('memos.create', {
      title: 'Design',
      body: 'Snowball sample of 30 experts',
    });
    await study.call('memos.create', { documentId: doc, body: 'Long pause before answering' });
    await study.call('memos.create', { codeId: code.id, body: 'Physical or political access' });
    const seg = await study.call('segments.apply', {
      documentId: doc,
      codeId: code.id,
      ...spanOf(TRANSCRIPT, 'donors'),
    });
    await study.call('segments.setMemo', { id: seg.id, memo: 'Donor pressure 100% clear' });
    const all = await study.call('memos.list', {});
    expect(all.map((m) => m.kind).sort()).toEqual(['code', 'document', 'project', 'segment']);
    expect(all.find((m) => m.kind === 'document')).toMatchObject({
      targetId: doc,
      targetLabel: 'Interview 1',
      author: 'Anna',
    });
    expect(all.find((m) => m.kind === 'segment')).toMatchObject({
      id: seg.id,
      documentId: doc,
      startUtf16: seg.startUtf16,
      targetLabel: 'donors',
    });
    expect((await study.call('memos.list', { query: 'ACCESS' })).map((m) => m.kind)).toEqual(['code']);
    expect((await study.call('memos.list', { query: 'donors' })).map((m) => m.kind)).toEqual(['segment']);
    expect((await study.call('memos.list', { query: '100%' })).map((m) => m.kind)).toEqual(['segment']);
    expect((await study.call('memos.list', { query: '0%' })).map((m) => m.kind)).toEqual(['segment']);
    expect(await study.call('memos.list', { query: '%%' })).toEqual([]);
    expect((await study.call('memos.list', { target: { kind: 'project' } })).map((m) => m.id)).toEqual([
      project.id,
    ]);

    const before = study.snapshot();
    await study.call('memos.update', { id: project.id, body: 'Snowball sample of 32 experts' });
    await study.reopen();
    await study.call('undo.undo', {});
    expect(study.snapshot()).toEqual(before);
    await study.call('memos.delete', { id: project.id });
    await study.call('undo.undo', {});
    expect(study.snapshot()).toEqual(before);
    await expect(study.call('memos.create', { documentId: doc, codeId: code.id, body: 'x' })).rejects.toThrow(
      /not both/,
    );
    await expect(study.call('memos.create', { documentId: 77, body: 'x' })).rejects.toThrow(
      /document 77 does not exist/,
    );
    await expect(study.call('memos.update', { id: 999, body: 'x' })).rejects.toThrow(
      /memo 999 does not exist/,
    );
  });

  it('stamps the current coder on segments and lets it change', async () => {
    const study = await newStudy('Anna');
    const doc = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
    const code = await study.call('codes.create', { name: 'Access' });
    expect(await study.call('coders.list', {})).toEqual([
      { id: expect.any(Number), name: 'Anna', segmentCount: 0, current: true, color: null },
    ]);
    await study.call('segments.apply', { documentId: doc, codeId: code.id, startUtf16: 0, endUtf16: 5 });
    const ben = await study.call('coders.setCurrent', { name: 'Ben' });
    expect(ben).toMatchObject({ name: 'Ben', current: true, segmentCount: 0 });
    expect(study.session.coder).toBe('Ben');
    const seg = await study.call('segments.apply', {
      documentId: doc,
      codeId: code.id,
      startUtf16: 6,
      endUtf16: 9,
    });
    expect(seg.coder).toBe('Ben');
    const coders = await study.call('coders.list', {});
    expect(coders.map((c) => [c.name, c.segmentCount, c.current])).toEqual([
      ['Anna', 1, false],
      ['Ben', 1, true],
    ]);
    expect((await study.call('project.info', {}))?.coder).toBe('Ben');
  });
});
