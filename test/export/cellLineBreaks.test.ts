// A code's description written over several lines ("Definition…\nWhen to use: …") keeps its lines in
// the Word codebook, as in the codebook view, instead of running on in one line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { exportTo, seededProject } from './helpers/project';
import { unzipText } from './helpers/reader';

describe('line breaks in table cells', () => {
  it('writes each line of a codebook description as its own line', async () => {
    const study = await seededProject();
    await invoke(study.session, 'codes.update', {
      id: study.codes.trust,
      description: 'Confidence between NATO and NGOs.\nWhen to use: a speaker says whom they rely on.',
    });
    const target = path.join(study.dir, 'codebook.docx');
    await exportTo(study.session, { sections: ['codebook'] }, 'docx', target);
    const xml = (await unzipText(target)).get('word/document.xml')!;
    expect(xml).toMatch(
      /Confidence between NATO and NGOs\.<\/w:t><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/><w:t[^>]*>When to use: a speaker says whom they rely on\./,
    );
    expect(xml).not.toMatch(/NGOs\.\nWhen to use/);
  });
});
