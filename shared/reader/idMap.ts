// A read-only map from row ids to values, changed by making a new map that shares all but a few small
// arrays with the old one. The reader keeps its segments and their stripe columns in these: a dense
// transcript has 50,000 segments, and copying a Map that size on every keypress took 20–30 ms, where a
// new map here copies one array of FANOUT slots per level (three levels for ids below 16 million).
//
// The ids are the digits of a radix trie in base FANOUT, lowest digit in the leaves; the root grows a
// level when an id needs one more digit, so sparse or large ids cost depth, never width.

const FANOUT = 256; // 8 bits a level: digit() takes them with shifts
/** FANOUT ** level, for the levels any safe integer needs. */
const SCALE = Array.from({ length: 8 }, (_, level) => FANOUT ** level);
/** An inner node holds nodes, a leaf holds values; absent slots are undefined. */
type Node = unknown[];

const checkId = (id: number): void => {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`id map: ${id} is not a row id`);
};

/** The digit of `id` at `level` (0 = the leaves'). */
const digit = (id: number, level: number): number =>
  id <= 0x7fffffff ? (id >>> (8 * level)) & 0xff : Math.floor(id / SCALE[level]!) % FANOUT;

/** Values are never undefined (a slot holding undefined is an absent id). */
export class IdMap<V extends NonNullable<unknown>> implements ReadonlyMap<number, V> {
  private constructor(
    /** Never changed once this map is made: a change copies the path to its id. */
    private readonly root: Node,
    /** Digits the trie holds: ids below FANOUT ** levels. */
    private readonly levels: number,
    readonly size: number,
  ) {}

  static empty<V extends NonNullable<unknown>>(): IdMap<V> {
    return new IdMap<V>([], 1, 0);
  }

  /** A map of these entries (a later entry for the same id wins, as in `new Map`); built in place. */
  static from<V extends NonNullable<unknown>>(entries: Iterable<readonly [number, V]>): IdMap<V> {
    let root: Node = [];
    let levels = 1;
    let size = 0;
    for (const [id, value] of entries) {
      checkId(id);
      while (id >= SCALE[levels]!) {
        root = [root];
        levels++;
      }
      let node = root;
      for (let level = levels - 1; level > 0; level--) node = (node[digit(id, level)] ??= []) as Node;
      const d = digit(id, 0);
      if (node[d] === undefined) size++;
      node[d] = value;
    }
    return new IdMap<V>(root, levels, size);
  }

  private leafOf(id: number): Node | undefined {
    if (!Number.isSafeInteger(id) || id < 0 || id >= SCALE[this.levels]!) return undefined;
    let node: Node | undefined = this.root;
    for (let level = this.levels - 1; level > 0 && node; level--) node = node[digit(id, level)] as Node;
    return node;
  }

  get(id: number): V | undefined {
    return this.leafOf(id)?.[digit(id, 0)] as V | undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** A new map with `id` set to `value`; this one is left as it is. */
  with(id: number, value: V): IdMap<V> {
    checkId(id);
    let root = this.root;
    let levels = this.levels;
    while (id >= SCALE[levels]!) {
      root = [root];
      levels++;
    }
    const added = !this.has(id);
    const copyPath = (node: Node | undefined, level: number): Node => {
      const copy = node ? node.slice() : [];
      copy[digit(id, level)] = level === 0 ? value : copyPath(copy[digit(id, level)] as Node, level - 1);
      return copy;
    };
    return new IdMap<V>(copyPath(root, levels - 1), levels, this.size + (added ? 1 : 0));
  }

  /** A new map without `id` (this one when it has no `id`). */
  without(id: number): IdMap<V> {
    if (!this.has(id)) return this;
    const copyPath = (node: Node, level: number): Node => {
      const copy = node.slice();
      if (level === 0) copy[digit(id, 0)] = undefined;
      else copy[digit(id, level)] = copyPath(copy[digit(id, level)] as Node, level - 1);
      return copy;
    };
    return new IdMap<V>(copyPath(this.root, this.levels - 1), this.levels, this.size - 1);
  }

  /** Every entry in ascending id order. */
  forEach(callback: (value: V, id: number, map: ReadonlyMap<number, V>) => void): void {
    // Plain loops: forEach over arrays with holes is several times slower, and loads walk 50,000 ids.
    const walk = (node: Node, level: number, base: number): void => {
      const scale = SCALE[level]!;
      for (let d = 0; d < node.length; d++) {
        const child = node[d];
        if (child === undefined) continue;
        if (level === 0) callback(child as V, base + d, this);
        else walk(child as Node, level - 1, base + d * scale);
      }
    };
    walk(this.root, this.levels - 1, 0);
  }

  entries(): MapIterator<[number, V]> {
    const all: [number, V][] = [];
    this.forEach((value, id) => all.push([id, value]));
    return all.values();
  }

  keys(): MapIterator<number> {
    const all: number[] = [];
    this.forEach((_, id) => all.push(id));
    return all.values();
  }

  values(): MapIterator<V> {
    const all: V[] = [];
    this.forEach((value) => all.push(value));
    return all.values();
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }
}
