import type { Code } from '../../../shared/api/coding';
import { childrenByParent, descendantIds } from '../../../shared/coding/tree';

export type DropZone = 'before' | 'inside' | 'after';

export interface MoveTarget {
  parentId: number | null;
  position: number;
}

/** Siblings under `parentId` in display order, without the code being moved. */
function siblingsWithout(codes: readonly Code[], parentId: number | null, movingId: number): Code[] {
  return (childrenByParent(codes).get(parentId) ?? []).filter((c) => c.id !== movingId);
}

/** Where dropping `movingId` on `targetId` in `zone` puts it, or null when the drop makes no sense (onto itself or its subtree). */
export function dropTarget(
  codes: readonly Code[],
  movingId: number,
  targetId: number,
  zone: DropZone,
): MoveTarget | null {
  if (descendantIds(codes, movingId).includes(targetId)) return null;
  const target = codes.find((c) => c.id === targetId);
  if (!target) return null;
  if (zone === 'inside')
    return { parentId: target.id, position: siblingsWithout(codes, target.id, movingId).length };
  const siblings = siblingsWithout(codes, target.parentId, movingId);
  const index = siblings.findIndex((c) => c.id === targetId);
  return { parentId: target.parentId, position: zone === 'before' ? index : index + 1 };
}

/** Keyboard moves: Alt+Up/Down reorder, Alt+Right indent under the previous sibling, Alt+Left outdent after the parent. */
export function keyboardTarget(
  codes: readonly Code[],
  id: number,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
): MoveTarget | null {
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const siblings = childrenByParent(codes).get(code.parentId) ?? [];
  const index = siblings.findIndex((c) => c.id === id);
  switch (key) {
    case 'ArrowUp':
      return index > 0 ? { parentId: code.parentId, position: index - 1 } : null;
    case 'ArrowDown':
      return index < siblings.length - 1 ? { parentId: code.parentId, position: index + 1 } : null;
    case 'ArrowRight': {
      const previous = siblings[index - 1];
      return previous
        ? { parentId: previous.id, position: (childrenByParent(codes).get(previous.id) ?? []).length }
        : null;
    }
    case 'ArrowLeft': {
      if (code.parentId === null) return null;
      const parent = codes.find((c) => c.id === code.parentId);
      if (!parent) return null;
      const parentSiblings = childrenByParent(codes).get(parent.parentId) ?? [];
      return { parentId: parent.parentId, position: parentSiblings.findIndex((c) => c.id === parent.id) + 1 };
    }
  }
}
