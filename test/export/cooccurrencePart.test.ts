import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import type { ExportOptionsInput } from '../../shared/api/export';
import { trackSession } from '../helpers/session';
import { exportTo, seededProject } from './helpers/project';
import { tableCells, unzipText } from './helpers/reader';

/** Text as a reader sees it: the caption's N is held together with no-break spaces. */
const spaced = (text: string) => text.replaceAll('\u00a0', ' ');

/** The seeded study with a document group "NGOs": the transcripts of Interviews 2 and 9. */
async function studyWithNgoGroup() {
  const project = await seededProject();
  const db = project.session.requireProject().db;
  const documentIds = (
    db
      .prepare(`SELECT id FROM documents WHERE title IN ('Interview 2 transcript', 'Interview 9 transcript')`)
      .all() as { id: number }[]
  ).map((r) => r.id);
  const ngos = await invoke(project.session, 'documentGroups.create', { name: 'NGOs', documentIds });
  return { ...project, ngoGroupId: ngos.id };
}

/** The paper's appendix: evidence from interviews, and co-occurrence in the NGO documents. */
function paperOptions(
  s: Awaited<ReturnType<typeof studyWithNgoGroup>>,
  unit: 'documents' | 'segments',
): ExportOptionsInput {
  return {
    sections: ['evidence', 'cooccurrence'],
    codeIds: [s.codes.trust],
    filters: { kind: 'interview' },
    cooccurrence: {
      unit,
      rowCodeGroupIds: [s.groupId],
      columnCodeIds: [s.codes.legitimacy, s.codes.burden],
      filters: { documentGroupIds: [s.ngoGroupId] },
    },
  };
}

describe('the Word appendix co-occurrence part with its own settings', () => {
  it('writes the configured table with a caption naming its filters and N, beside the evidence', async () => {
    const study = await studyWithNgoGroup();
    const target = path.join(study.dir, 'paper.docx');
    const { result } = await exportTo(study.session, paperOptions(study, 'documents'), 'docx', target);
    // Evidence: Trust in interviews (2 and 9), whatever the co-occurrence part counts.
    expect(result).toMatchObject({ quotes: 2, tables: 1 });
    const raw = (await unzipText(target)).get('word/document.xml')!;
    // The count stays on one line when the caption wraps.
    expect(raw).toContain('NGOs (N\u00a0=\u00a02\u00a0documents)');
    const xml = spaced(raw);
    expect(xml).toContain(
      'Table 1. Codes co-occurring with Legitimacy and Burden sharing in document group NGOs (N = 2 documents)',
    );
    // Only Interviews 2 and 9 count: Legitimacy and Burden sharing are coded in Interview 2 alone (the
    // interview of Interview 12 and the NATO document are outside the group); Trust in both.
    expect(tableCells(xml)[0]).toEqual([
      ['Code', 'Legitimacy (N = 1)', 'Burden sharing (N = 1)'],
      ['Level of cooperation'],
      ['Legitimacy (N = 1)', '1', '1'],
      ['Trust (N = 2)', '1', '1'],
    ]);
  });

  it('writes the same caption and table to Markdown', async () => {
    const study = await studyWithNgoGroup();
    const target = path.join(study.dir, 'paper.md');
    await exportTo(study.session, paperOptions(study, 'documents'), 'md', target);
    const markdown = spaced(fs.readFileSync(target, 'utf8'));
    expect(markdown).toContain(
      'Table 1. Codes co-occurring with Legitimacy and Burden sharing in document group NGOs (N = 2 documents)',
    );
    expect(markdown).toMatch(/Trust \(N = 2\) \| 1 \| 1/);
  });

  it('counts segments when asked, N being the segments the filters leave; the outline shows the caption', async () => {
    const study = await studyWithNgoGroup();
    const options = paperOptions(study, 'segments');
    const outline = await invoke(study.session, 'export.outline', { options });
    // Legitimacy, Trust and Burden sharing in Interview 2, Trust in Interview 9.
    const caption =
      'Table 1. Codes co-occurring with Legitimacy and Burden sharing in document group NGOs (N = 4 segments)';
    expect(outline.items.map((i) => ({ ...i, text: spaced(i.text) }))).toContainEqual({
      level: 3,
      text: caption,
      section: 'cooccurrence',
    });
    const target = path.join(study.dir, 'segments.docx');
    await exportTo(study.session, options, 'docx', target);
    expect(spaced((await unzipText(target)).get('word/document.xml')!)).toContain(caption);
  });

  it('names rows, years, kind and coder in the caption when they are chosen', async () => {
    const study = await studyWithNgoGroup();
    const outline = await invoke(study.session, 'export.outline', {
      options: {
        sections: ['cooccurrence'],
        cooccurrence: {
          rowCodeIds: [study.codes.legitimacy, study.codes.trust],
          filters: { kind: 'interview', yearFrom: 2016, yearTo: 2017, coder: 'ana' },
        },
      },
    });
    expect(spaced(outline.items.find((i) => i.level === 3)!.text)).toBe(
      'Table 1. Co-occurrence of Legitimacy and Trust in interviews, in 2016–2017, coded by ana (N = 3 documents)',
    );
  });

  it('without its own settings keeps the export codes, groups and filters (as before)', async () => {
    const study = await studyWithNgoGroup();
    const target = path.join(study.dir, 'old.docx');
    await exportTo(
      study.session,
      { sections: ['cooccurrence'], codeGroupIds: [study.groupId], codeIds: [study.codes.burden] },
      'docx',
      target,
    );
    const xml = spaced((await unzipText(target)).get('word/document.xml')!);
    expect(xml).toContain(
      'Table 1. Codes co-occurring with Legitimacy, Trust and Burden sharing (documents)',
    );
    expect(tableCells(xml)[0]![0]).toEqual([
      'Code',
      'Legitimacy (N = 3)',
      'Trust (N = 2)',
      'Burden sharing (N = 1)',
    ]);
  });

  it('keeps its settings in the project; settings saved before it existed still load and export', async () => {
    const study = await studyWithNgoGroup();
    const db = study.session.requireProject().db;
    // As an earlier version saved them: a unit for the part, no settings of its own.
    const old = {
      title: 'Appendix',
      methodNote: '',
      sections: ['cooccurrence'],
      codeGroupIds: [study.groupId],
      codeIds: [],
      includeMemos: false,
      filters: {},
      cooccurrenceUnit: 'segments',
      matrixBy: 'groups',
      timelineUnit: 'segments',
    };
    db.prepare(`INSERT INTO project_settings (key, value) VALUES ('export_options', ?)`).run(
      JSON.stringify(old),
    );
    const loaded = await invoke(study.session, 'export.getSettings', {});
    expect(loaded).toEqual(old);
    const outline = await invoke(study.session, 'export.outline', { options: loaded! });
    expect(spaced(outline.items.find((i) => i.level === 3)!.text)).toBe(
      'Table 1. Codes co-occurring with Legitimacy and Trust (segments)',
    );

    const options = paperOptions(study, 'documents');
    await invoke(study.session, 'export.saveSettings', { options });
    study.session.close();
    const reopened = trackSession(new Session('cli', { coder: 'other' }));
    await invoke(reopened, 'project.open', { path: study.file });
    expect((await invoke(reopened, 'export.getSettings', {}))?.cooccurrence).toEqual({
      unit: 'documents',
      rowCodeIds: [],
      rowCodeGroupIds: [study.groupId],
      columnCodeIds: [study.codes.legitimacy, study.codes.burden],
      coefficient: false,
      filters: { documentGroupIds: [study.ngoGroupId] },
    });
  });

  it('skips a saved row group or document group that was deleted since', async () => {
    const study = await studyWithNgoGroup();
    await invoke(study.session, 'documentGroups.delete', { id: study.ngoGroupId });
    const outline = await invoke(study.session, 'export.outline', {
      options: { ...paperOptions(study, 'documents'), sections: ['cooccurrence'] },
    });
    expect(outline.problems).toEqual([]);
    expect(spaced(outline.items.find((i) => i.level === 3)!.text)).toBe(
      'Table 1. Codes co-occurring with Legitimacy and Burden sharing (N = 4 documents)',
    );
  });
});
