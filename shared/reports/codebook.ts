import type { ReportCode } from './model';

/** A codes row as the reports need it. */
export interface CodeRow {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  description: string;
  position: number;
}

/**
 * Codes in codebook order — depth first, siblings by position then name — each with its path and
 * depth. Codes whose parent is missing are treated as roots so none is lost.
 */
export function codebookOrder(rows: readonly CodeRow[]): (ReportCode & { description: string })[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, CodeRow[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const list = children.get(parent);
    if (list) list.push(row);
    else children.set(parent, [row]);
  }
  for (const list of children.values())
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || a.id - b.id);
  const out: (ReportCode & { description: string })[] = [];
  const visit = (parent: number | null, path: string[]) => {
    for (const row of children.get(parent) ?? []) {
      const own = [...path, row.name];
      out.push({
        codeId: row.id,
        name: row.name,
        path: own,
        color: row.color,
        depth: path.length,
        description: row.description,
      });
      visit(row.id, own);
    }
  };
  visit(null, []);
  return out;
}

/** A code and all its descendants. */
export function subtreeIds(rows: readonly CodeRow[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const row of rows) {
    if (row.parentId === null) continue;
    const list = children.get(row.parentId);
    if (list) list.push(row.id);
    else children.set(row.parentId, [row.id]);
  }
  const out = new Set<number>([rootId]);
  const queue = [rootId];
  for (let i = 0; i < queue.length; i++)
    for (const child of children.get(queue[i]!) ?? []) {
      if (out.has(child)) continue;
      out.add(child);
      queue.push(child);
    }
  return out;
}
