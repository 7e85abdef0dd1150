// Adding one segment must give the coder key that the whole set would: the key of the coders shown once
// two or more are, else none; built from the key (or the one coder shown) without reading every segment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentSpan } from '../../shared/api/coding';
import { IdMap } from '../../shared/reader/idMap';
import { coderKeyWith } from '../../renderer/features/reader/derive';

/** A key as the reader's: the coders shown, when two or more, each with a label. */
const keyOf = (coderIds: Iterable<number>): Map<number, string> | null => {
  const shown = [...new Set(coderIds)].sort((a, b) => a - b);
  return shown.length < 2 ? null : new Map(shown.map((id) => [id, `coder ${id}`]));
};

const span = (id: number, coderId: number): SegmentSpan => ({
  id,
  codeId: 1,
  coderId,
  startUtf16: id,
  endUtf16: id + 3,
});

describe('coderKeyWith', () => {
  it('equals the key of every segment with the added one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (coders, added) => {
          const before = IdMap.from(coders.map((c, i) => [i + 1, span(i + 1, c)] as const));
          const key = keyOf(coders);
          const next = coderKeyWith(key, before, span(1000, added), keyOf);
          expect(next && [...next]).toEqual(keyOf([...coders, added]) && [...keyOf([...coders, added])!]);
          if (key?.has(added)) expect(next).toBe(key);
        },
      ),
    );
  });

  it('reads no segment when a key is shown', () => {
    const before = IdMap.from([[1, span(1, 1)] as const, [2, span(2, 2)] as const]);
    const read = { count: 0 };
    const watched = new Proxy(before, {
      get(target, name, receiver) {
        if (name === 'find' || name === 'values' || name === 'forEach') read.count++;
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    expect([...coderKeyWith(keyOf([1, 2]), watched, span(3, 3), keyOf)!.keys()]).toEqual([1, 2, 3]);
    expect(read.count).toBe(0);
  });
});
