import path from 'node:path';
import type { ExportSection } from '../../../shared/api/export';
import { invoke } from '../../../electron/backend/dispatch';
import { Session } from '../../../electron/backend/session';
import { buildDemo } from '../../../electron/demo/buildDemo';
import { LANDSCAPE_WIDTH, PORTRAIT_WIDTH } from '../../../electron/export/docx/tables';
import { trackSession } from '../../helpers/session';
import { tempDir } from '../../helpers/tmp';
import { exportTo } from './project';
import { unzipText } from './reader';

/** The example study exported to Word with some sections: its folder, the .docx and its document XML. */
export async function exportExampleStudy(
  prefix: string,
  title: string,
  sections: ExportSection[],
): Promise<{ dir: string; target: string; xml: string; codeNames: string[] }> {
  const dir = tempDir(prefix);
  process.env.PASSAGE_HOME = path.join(dir, 'home');
  const file = path.join(dir, 'example.passage');
  await buildDemo(file);
  const session = trackSession(new Session('cli', { coder: 'reader' }));
  await invoke(session, 'project.open', { path: file });
  const codeNames = (await invoke(session, 'codes.list', {})).map((c) => c.name);
  const target = path.join(dir, `${title.toLowerCase().replace(/\W+/g, '-')}.docx`);
  await exportTo(session, { title, sections }, 'docx', target);
  const xml = (await unzipText(target)).get('word/document.xml')!;
  session.close();
  return { dir, target, xml, codeNames };
}

/** Each table's grid and the text width of the section it stands in (a section's properties close it). */
export function tablesWithWidths(xml: string): { grid: number; width: number }[] {
  const found: { grid: number; width: number }[] = [];
  let pending: number[] = [];
  for (const part of xml.split(/(<w:tblGrid>[\s\S]*?<\/w:tblGrid>|<w:sectPr[\s\S]*?<\/w:sectPr>)/)) {
    if (part.startsWith('<w:tblGrid>')) {
      pending.push([...part.matchAll(/<w:gridCol w:w="(\d+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0));
    } else if (part.startsWith('<w:sectPr')) {
      const landscape = /w:orient="landscape"/.test(part);
      for (const grid of pending) found.push({ grid, width: landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH });
      pending = [];
    }
  }
  return found;
}
