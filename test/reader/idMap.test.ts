import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdMap } from '../../shared/reader/idMap';

type Step = { kind: 'with'; id: number; value: string } | { kind: 'without'; id: number };

const idArb = fc.oneof(
  fc.integer({ min: -300, max: 2000 }),
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.integer({ min: -(2 ** 51), max: 2 ** 51 }),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('with' as const), id: idArb, value: fc.string({ maxLength: 3 }) }),
  fc.record({ kind: fc.constant('without' as const), id: idArb }),
);

const sorted = (entries: Iterable<readonly [number, string]>) => [...entries].sort((a, b) => a[0] - b[0]);

describe('IdMap', () => {
  it('answers as a Map given the same changes, and every earlier map stays as it was', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        let map = IdMap.empty<string>();
        let model = new Map<number, string>();
        const history: [IdMap<string>, Map<number, string>][] = [[map, model]];
        for (const step of steps) {
          model = new Map(model);
          if (step.kind === 'with') {
            map = map.with(step.id, step.value);
            model.set(step.id, step.value);
          } else {
            map = map.without(step.id);
            model.delete(step.id);
          }
          history.push([map, model]);
        }
        for (const [m, expected] of history) {
          expect(m.size).toBe(expected.size);
          expect(sorted(m.entries())).toEqual(sorted(expected.entries()));
          expect(sorted(m)).toEqual(sorted(expected));
          for (const step of steps) {
            expect(m.get(step.id)).toBe(expected.get(step.id));
            expect(m.has(step.id)).toBe(expected.has(step.id));
          }
        }
      }),
    );
  });

  it('is built from entries like a Map, a later entry for an id winning', () => {
    const map = IdMap.from([
      [3, 'a'],
      [300, 'b'],
      [3, 'c'],
    ]);
    expect(map.size).toBe(2);
    expect(map.get(3)).toBe('c');
    expect([...map.keys()].sort((a, b) => a - b)).toEqual([3, 300]);
    expect([...map.values()].sort()).toEqual(['b', 'c']);
    expect(map.find((v) => v > 'b')).toBe('c');
    expect(map.find((v) => v === 'a')).toBeUndefined();
    const seen: [number, string][] = [];
    map.forEach((value, id) => seen.push([id, value]));
    expect(sorted(seen)).toEqual([
      [3, 'c'],
      [300, 'b'],
    ]);
  });

  it('keeps the values it did not change: the very same objects, not copies', () => {
    const spans = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1 }));
    const before = IdMap.from(spans.map((s) => [s.id, s] as const));
    const after = before.with(9999, { id: 9999 }).without(17);
    expect(after.size).toBe(5000);
    expect(before.has(17)).toBe(true);
    expect(before.has(9999)).toBe(false);
    for (const s of spans) if (s.id !== 17) expect(after.get(s.id)).toBe(s);
    expect(before.without(123456)).toBe(before);
  });

  it('holds negative ids (segments not saved yet) beside the positive ones', () => {
    const map = IdMap.from([
      [5, 'five'],
      [0, 'zero'],
    ]).with(-1, 'first unsaved');
    expect(map.get(-1)).toBe('first unsaved');
    expect(map.get(1)).toBeUndefined();
    expect(map.without(-1).has(-1)).toBe(false);
    expect([...map.keys()].sort((a, b) => a - b)).toEqual([-1, 0, 5]);
  });

  it('refuses what is not a row id, naming it', () => {
    expect(() => IdMap.empty<string>().with(2 ** 53, 'x')).toThrow(`id map: ${2 ** 53} is not a row id`);
    expect(() => IdMap.from([[1.5, 'x']])).toThrow('1.5 is not a row id');
    expect(IdMap.empty<string>().get(Number.NaN)).toBeUndefined();
  });
});
