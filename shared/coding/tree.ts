/** Builds the codebook tree from flat code rows (ordered by position, then id) for display and templates. */

export interface TreeInput {
  id: number;
  parentId: number | null;
  name: string;
  position: number;
}

export interface TreeRow<C extends TreeInput> {
  code: C;
  depth: number;
  hasChildren: boolean;
}

function bySiblingOrder(a: TreeInput, b: TreeInput): number {
  return a.position - b.position || a.id - b.id;
}

export function childrenByParent<C extends TreeInput>(codes: readonly C[]): Map<number | null, C[]> {
  const known = new Set(codes.map((c) => c.id));
  const map = new Map<number | null, C[]>();
  for (const code of codes) {
    // An orphan (parent missing from the list) shows at the top level rather than vanishing.
    const parent = code.parentId !== null && known.has(code.parentId) ? code.parentId : null;
    const list = map.get(parent) ?? [];
    list.push(code);
    map.set(parent, list);
  }
  for (const list of map.values()) list.sort(bySiblingOrder);
  return map;
}

/**
 * Depth-first rows of the tree. `collapsed` hides descendants; `matches` (a filter) keeps a code when it
 * or any descendant matches, so the path to a match stays visible.
 */
export function flattenTree<C extends TreeInput>(
  codes: readonly C[],
  options: { collapsed?: ReadonlySet<number>; matches?: (code: C) => boolean } = {},
): TreeRow<C>[] {
  const children = childrenByParent(codes);
  const keep = new Map<number, boolean>();
  const kept = (code: C, seen: Set<number>): boolean => {
    const cached = keep.get(code.id);
    if (cached !== undefined) return cached;
    if (seen.has(code.id)) return false;
    seen.add(code.id);
    const own = options.matches ? options.matches(code) : true;
    const anyChild = (children.get(code.id) ?? []).map((c) => kept(c, seen)).some(Boolean);
    const result = own || anyChild;
    keep.set(code.id, result);
    return result;
  };
  const rows: TreeRow<C>[] = [];
  const visit = (parent: number | null, depth: number, seen: Set<number>) => {
    for (const code of children.get(parent) ?? []) {
      if (seen.has(code.id) || !kept(code, new Set())) continue;
      seen.add(code.id);
      const kids = (children.get(code.id) ?? []).filter((c) => kept(c, new Set()));
      rows.push({ code, depth, hasChildren: kids.length > 0 });
      const open = options.matches ? true : !options.collapsed?.has(code.id);
      if (open) visit(code.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return rows;
}

/** The code and every code below it. */
export function descendantIds(codes: readonly TreeInput[], id: number): number[] {
  const children = childrenByParent(codes);
  const out: number[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.includes(next)) continue;
    out.push(next);
    for (const child of children.get(next) ?? []) stack.push(child.id);
  }
  return out;
}

/** "Resource gaps › Information": the path shown where a code appears out of its tree. */
export function codePath(codes: readonly TreeInput[], id: number): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names: string[] = [];
  let current = byId.get(id);
  while (current && names.length < 50) {
    names.unshift(current.name);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return names.join(' › ');
}
