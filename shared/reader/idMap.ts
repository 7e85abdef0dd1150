// A read-only map from row ids to values, changed by making a new map that shares all but a few small
// arrays with the old one. The reader keeps its segments and their stripe columns in these: a dense
// transcript has 50,000 segments, and copying a Map that size on every keypress took 20–30 ms, where a
// new map here copies one array of FANOUT slots per level (three levels for ids below 16 million).
//
// The ids are the digits of a radix trie in base FANOUT, lowest digit in the leaves; the root grows a
// level when an id needs one more digit, so sparse or large ids cost depth, never width. Negative ids
// (the reader's segments not saved yet) are folded in between the positive ones: 0, -1, 1, -2, 2, …

const FANOUT = 256; // 8 bits a level: digit() takes them with shifts
/** FANOUT ** level, for the levels any safe integer needs. */
const SCALE = Array.from({ length: 8 }, (_, level) => FANOUT ** level);
/** An inner node holds nodes, a leaf holds values; absent slots are undefined. */
type Node = unknown[];

const LIMIT = 2 ** 52;

/** The trie index of an id: 0, -1, 1, -2, 2, … as 0, 1, 2, 3, 4, …; -1 when it is no id. */
const slotOf = (id: number): number =>
  Number.isSafeInteger(id) && Math.abs(id) < LIMIT ? (id >= 0 ? 2 * id : -2 * id - 1) : -1;
const idOf = (slot: number): number => (slot % 2 === 0 ? slot / 2 : -(slot + 1) / 2);

const checkedSlot = (id: number): number => {
  const slot = slotOf(id);
  if (slot < 0) throw new RangeError(`id map: ${id} is not a row id`);
  return slot;
};

/** The digit of a slot at `level` (0 = the leaves'). */
const digit = (slot: number, level: number): number =>
  slot > 0x7fffffff
    ? Math.floor(slot / SCALE[level]!) % FANOUT
    : level < 4 // a shift counts modulo 32
      ? (slot >>> (8 * level)) & 0xff
      : 0;

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
      const slot = checkedSlot(id);
      while (slot >= SCALE[levels]!) {
        root = [root];
        levels++;
      }
      let node = root;
      for (let level = levels - 1; level > 0; level--) node = (node[digit(slot, level)] ??= []) as Node;
      const d = digit(slot, 0);
      if (node[d] === undefined) size++;
      node[d] = value;
    }
    return new IdMap<V>(root, levels, size);
  }

  get(id: number): V | undefined {
    const slot = slotOf(id);
    if (slot < 0 || slot >= SCALE[this.levels]!) return undefined;
    let node: Node | undefined = this.root;
    for (let level = this.levels - 1; level > 0 && node; level--) node = node[digit(slot, level)] as Node;
    return node?.[digit(slot, 0)] as V | undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** A new map with `id` set to `value`; this one is left as it is. */
  with(id: number, value: V): IdMap<V> {
    const slot = checkedSlot(id);
    let root = this.root;
    let levels = this.levels;
    while (slot >= SCALE[levels]!) {
      root = [root];
      levels++;
    }
    const added = !this.has(id);
    const copyPath = (node: Node | undefined, level: number): Node => {
      const copy = node ? node.slice() : [];
      const d = digit(slot, level);
      copy[d] = level === 0 ? value : copyPath(copy[d] as Node, level - 1);
      return copy;
    };
    return new IdMap<V>(copyPath(root, levels - 1), levels, this.size + (added ? 1 : 0));
  }

  /** A new map without `id` (this one when it has no `id`). */
  without(id: number): IdMap<V> {
    if (!this.has(id)) return this;
    const slot = checkedSlot(id);
    const copyPath = (node: Node, level: number): Node => {
      const copy = node.slice();
      const d = digit(slot, level);
      copy[d] = level === 0 ? undefined : copyPath(copy[d] as Node, level - 1);
      return copy;
    };
    return new IdMap<V>(copyPath(this.root, this.levels - 1), this.levels, this.size - 1);
  }

  /** The first value (in forEach's order) `test` accepts, without walking further. */
  find(test: (value: V) => boolean): V | undefined {
    const search = (node: Node, level: number): V | undefined => {
      for (const child of node) {
        if (child === undefined) continue;
        const found =
          level === 0 ? (test(child as V) ? (child as V) : undefined) : search(child as Node, level - 1);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    return search(this.root, this.levels - 1);
  }

  /** Every entry, in the order 0, -1, 1, -2, 2, … of their ids. */
  forEach(callback: (value: V, id: number, map: ReadonlyMap<number, V>) => void): void {
    // Plain loops: forEach over arrays with holes is several times slower, and loads walk 50,000 ids.
    const walk = (node: Node, level: number, base: number): void => {
      const scale = SCALE[level]!;
      for (let d = 0; d < node.length; d++) {
        const child = node[d];
        if (child === undefined) continue;
        if (level === 0) callback(child as V, idOf(base + d), this);
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
