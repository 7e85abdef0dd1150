import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { ALL_SECTIONS, exportTo, seededProject } from './helpers/project';
import { unzipText } from './helpers/reader';

const REAL_NAME = 'Johanna Ørsted-Kowalczyk';
const CONTACT = 'johanna.orsted@example.org';
const NOTES = 'Met at the Brussels summit';

describe('no identity-key data in any export', () => {
  it('keeps the real name, contact and notes of an unlocked identity key out of docx, csv, tsv and md', async () => {
    const { session, dir, groupId, codes } = await seededProject();
    await invoke(session, 'sample.identity.create', { passphrase: 'correct horse battery' });
    const participant = (await invoke(session, 'sample.list', {})).find((p) => p.label === 'Interview 2')!;
    await invoke(session, 'sample.identity.set', {
      participantId: participant.id,
      name: REAL_NAME,
      contact: CONTACT,
      notes: NOTES,
    });
    // Planted and readable while unlocked: the scan below could find it if an export leaked it.
    const listed = await invoke(session, 'sample.list', {});
    expect(JSON.stringify(listed)).toContain(REAL_NAME);

    const options = {
      title: 'Appendix',
      codeGroupIds: [groupId],
      codeIds: [codes.burden],
      includeMemos: true,
      sections: [...ALL_SECTIONS],
    };
    const texts: [string, string][] = [];
    for (const format of ['docx', 'csv', 'tsv', 'md'] as const) {
      const target = path.join(dir, `all.${format}`);
      await exportTo(session, options, format, target);
      if (format === 'docx')
        for (const [name, xml] of await unzipText(target)) texts.push([`docx:${name}`, xml]);
      else texts.push([format, fs.readFileSync(target, 'utf8')]);
    }
    expect(texts.length).toBeGreaterThan(10);
    // The exports do hold the participant's label: the scan looks at the right content.
    expect(texts.some(([, t]) => t.includes('Interview 2'))).toBe(true);
    for (const [where, text] of texts)
      for (const secret of [REAL_NAME, 'Kowalczyk', CONTACT, NOTES])
        expect(text, `${where} holds ${secret}`).not.toContain(secret);
  });
});
