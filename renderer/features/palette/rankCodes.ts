import type { Code } from '../../../shared/api/coding';

export interface PaletteOption {
  code: Code;
  /** "Parent › Child › Code", so same-named codes under different parents can be told apart. */
  path: string;
}

/** Every code with its path from the root, in codebook order (parents before children, by position). */
export function codePaths(codes: Iterable<Code>): PaletteOption[] {
  const all = [...codes];
  const byId = new Map(all.map((c) => [c.id, c]));
  const children = new Map<number | null, Code[]>();
  for (const c of all) {
    const parent = c.parentId !== null && byId.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const out: PaletteOption[] = [];
  const walk = (parent: number | null, prefix: string, seen: Set<number>) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.position - b.position || a.name.localeCompare(b.name),
    );
    for (const code of list) {
      if (seen.has(code.id)) continue; // a cycle cannot happen in a valid codebook; never loop on one
      seen.add(code.id);
      const path = prefix ? `${prefix} › ${code.name}` : code.name;
      out.push({ code, path });
      walk(code.id, path, seen);
    }
  };
  walk(null, '', new Set());
  return out;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Type-ahead over code names and paths: every typed word must occur; names starting with the query
 * rank first, then names containing it, then matches only in the path. Case and accents are ignored.
 */
export function rankCodes(options: readonly PaletteOption[], query: string): PaletteOption[] {
  const q = fold(query.trim());
  if (!q) return [...options];
  const words = q.split(/\s+/);
  const scored: { option: PaletteOption; score: number; order: number }[] = [];
  options.forEach((option, order) => {
    const name = fold(option.code.name);
    const path = fold(option.path);
    if (!words.every((w) => path.includes(w))) return;
    const score = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : 3;
    scored.push({ option, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.option);
}

/** True when the query names an existing code exactly (then the palette offers no "Create"). */
export function hasExactName(options: readonly PaletteOption[], query: string): boolean {
  const q = fold(query.trim());
  return options.some((o) => fold(o.code.name) === q);
}
