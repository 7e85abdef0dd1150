import { columnHeader, countLine, quoteCitation, type ExportDocument, type TableSpec } from './document';

/** Characters Markdown would read as markup, escaped so quotes print as said. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s|$)/gm, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

function paragraphs(text: string): string {
  return escapeMarkdown(text.trim()).replace(/\n+/g, '\n\n');
}

const cell = (text: string) => escapeMarkdown(text).replace(/\n+/g, ' ');

function table(spec: TableSpec): string[] {
  const width = spec.columns.length;
  const lines = [
    `| ${spec.columns.map((c) => cell(columnHeader(c))).join(' | ')} |`,
    `| ${spec.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const group of spec.rowGroups) {
    if (group.caption !== null)
      lines.push(`| **${cell(group.caption)}** |${' |'.repeat(Math.max(0, width - 1))}`);
    for (const row of group.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  }
  if (spec.note) lines.push('', `*${cell(spec.note)}*`);
  return lines;
}

/** The same document as the Word export, in Markdown: title #, groups ##, codes ###, quotes as block quotes. */
export function renderMarkdown(doc: ExportDocument): string {
  const out: string[] = [`# ${cell(doc.title)}`, ''];
  if (doc.methodNote.trim()) out.push(paragraphs(doc.methodNote), '');
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      out.push(`## ${cell(block.heading)}`, '', `**${cell(block.caption)}**`, '', ...table(block.table), '');
      continue;
    }
    for (const group of block.groups) {
      out.push(`## ${cell(group.heading)}`, '');
      for (const code of group.codes) {
        out.push(`### ${cell(code.code.name)}`, '');
        if (code.description.trim()) out.push(paragraphs(code.description), '');
        out.push(`*${cell(countLine(code))}*`, '');
        for (const item of code.items) {
          const quote = escapeMarkdown(item.text.trim())
            .split('\n')
            .map((line) => (line ? `> ${line}` : '>'));
          out.push(...quote, '>', `> ${cell(quoteCitation(item))}`, '');
          if (doc.includeMemos && item.memo.trim()) out.push(`*Memo:* ${cell(item.memo)}`, '');
        }
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
