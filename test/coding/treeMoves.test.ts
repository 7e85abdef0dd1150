import { describe, expect, it } from 'vitest';
import type { Code } from '../../shared/api/coding';
import { dropTarget, keyboardTarget } from '../../renderer/features/codebook/treeMoves';

const code = (id: number, parentId: number | null, position: number): Code => ({
  id,
  parentId,
  name: `C${id}`,
  color: '#000000',
  description: '',
  shortcut: null,
  position,
  segmentCount: 0,
  documentCount: 0,
  groupIds: [],
});
// 1 [2, 3 [5]], 4
const codes = [code(1, null, 0), code(2, 1, 0), code(3, 1, 1), code(4, null, 1), code(5, 3, 0)];

describe('drag and keyboard moves in the code tree', () => {
  it('drops before, after and inside, counting siblings without the moved code', () => {
    expect(dropTarget(codes, 4, 2, 'before')).toEqual({ parentId: 1, position: 0 });
    expect(dropTarget(codes, 4, 2, 'after')).toEqual({ parentId: 1, position: 1 });
    expect(dropTarget(codes, 2, 3, 'after')).toEqual({ parentId: 1, position: 1 }); // 2 leaves, so 3 is index 0
    expect(dropTarget(codes, 4, 3, 'inside')).toEqual({ parentId: 3, position: 1 });
    expect(dropTarget(codes, 1, 4, 'before')).toEqual({ parentId: null, position: 0 });
  });

  it('refuses drops onto the code itself or its subtree', () => {
    expect(dropTarget(codes, 1, 1, 'inside')).toBeNull();
    expect(dropTarget(codes, 1, 5, 'after')).toBeNull();
  });

  it('moves with Alt+arrows: reorder, indent under the previous sibling, outdent after the parent', () => {
    expect(keyboardTarget(codes, 3, 'ArrowUp')).toEqual({ parentId: 1, position: 0 });
    expect(keyboardTarget(codes, 2, 'ArrowUp')).toBeNull();
    expect(keyboardTarget(codes, 2, 'ArrowDown')).toEqual({ parentId: 1, position: 1 });
    expect(keyboardTarget(codes, 3, 'ArrowRight')).toEqual({ parentId: 2, position: 0 });
    expect(keyboardTarget(codes, 5, 'ArrowLeft')).toEqual({ parentId: 1, position: 2 });
    expect(keyboardTarget(codes, 4, 'ArrowLeft')).toBeNull();
  });
});
