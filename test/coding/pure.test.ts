import { describe, expect, it } from 'vitest';
import { formatDescription, parseDescription } from '../../shared/coding/description';
import { CODE_PALETTE, isColor, paletteColor } from '../../shared/coding/palette';
import { segmentBoundsProblem } from '../../shared/coding/segmentBounds';
import { codePath, descendantIds, flattenTree } from '../../shared/coding/tree';

const codes = [
  { id: 1, parentId: null, name: 'Resource gaps', position: 1 },
  { id: 2, parentId: 1, name: 'Information', position: 1 },
  { id: 3, parentId: 1, name: 'Public legitimacy', position: 0 },
  { id: 4, parentId: null, name: 'Push factors', position: 0 },
  { id: 5, parentId: 3, name: 'Local', position: 0 },
];

describe('code tree', () => {
  it('lists depth first, siblings by position', () => {
    expect(flattenTree(codes).map((r) => [r.code.name, r.depth, r.hasChildren])).toEqual([
      ['Push factors', 0, false],
      ['Resource gaps', 0, true],
      ['Public legitimacy', 1, true],
      ['Local', 2, false],
      ['Information', 1, false],
    ]);
  });

  it('hides children of collapsed codes', () => {
    expect(flattenTree(codes, { collapsed: new Set([1]) }).map((r) => r.code.id)).toEqual([4, 1]);
  });

  it('keeps the path to a filtered match', () => {
    const rows = flattenTree(codes, { matches: (c) => c.name.toLowerCase().includes('loc') });
    expect(rows.map((r) => r.code.name)).toEqual(['Resource gaps', 'Public legitimacy', 'Local']);
  });

  it('shows an orphan at the top level and survives a cycle', () => {
    const odd = [
      { id: 7, parentId: 99, name: 'Orphan', position: 0 },
      { id: 8, parentId: 9, name: 'A', position: 0 },
      { id: 9, parentId: 8, name: 'B', position: 0 },
    ];
    expect(flattenTree(odd).map((r) => r.code.name)).toEqual(['Orphan']);
  });

  it('finds descendants and paths', () => {
    expect(descendantIds(codes, 1).sort()).toEqual([1, 2, 3, 5]);
    expect(codePath(codes, 5)).toBe('Resource gaps › Public legitimacy › Local');
  });
});

describe('descriptions', () => {
  it('round-trips the four parts', () => {
    const parts = {
      definition: 'What it is.',
      whenToUse: 'Use it.',
      whenNotToUse: 'Not that.',
      example: '"quote"',
    };
    const text = formatDescription(parts);
    expect(text).toBe('What it is.\nWhen to use: Use it.\nWhen not to use: Not that.\nExample: "quote"');
    expect(parseDescription(text)).toEqual(parts);
  });

  it('reads unlabelled text as the definition', () => {
    expect(parseDescription('Just a note\nsecond line')).toEqual({
      definition: 'Just a note\nsecond line',
      whenToUse: '',
      whenNotToUse: '',
      example: '',
    });
  });
});

describe('palette and bounds', () => {
  it('cycles through valid distinct colours', () => {
    expect(new Set(CODE_PALETTE).size).toBe(CODE_PALETTE.length);
    expect(CODE_PALETTE.every(isColor)).toBe(true);
    expect(paletteColor(CODE_PALETTE.length)).toBe(CODE_PALETTE[0]);
    expect(paletteColor(-1)).toBe(CODE_PALETTE.at(-1));
  });

  it('names the field that is wrong', () => {
    const text = 'ab😀c';
    expect(segmentBoundsProblem(text, 0, 2)).toBeNull();
    expect(segmentBoundsProblem(text, 2, 2)).toMatch(/^startUtf16: 2 is not before endUtf16 2/);
    expect(segmentBoundsProblem(text, 0, 6)).toMatch(/^endUtf16: 6 is past the end of the text \(5\)/);
    expect(segmentBoundsProblem(text, 3, 5)).toMatch(/^startUtf16: 3 splits a surrogate pair/);
    expect(segmentBoundsProblem(text, 0, 3)).toMatch(/^endUtf16: 3 splits a surrogate pair/);
  });
});
