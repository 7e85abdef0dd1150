/**
 * Turns one document's coded spans into binary tallies per code: on how many units each set of
 * coders applied the code. A coder applied a code to a unit when any of their segments of that code
 * shares at least one character with it.
 *
 * Coders are indices 0..m−1 and travel as bits of a mask (at most MAX_CODERS). Characters are
 * swept: the boundaries of every coder's spans cut the text into runs covered by one set of coders,
 * and a run adds its length in code points — no per-character arrays, so a 200,000-word document
 * costs a sort of its span boundaries.
 */
import { emptyTally, type BinaryTally } from './measures';
import { codePointCounter, unitRanges, type AgreementUnit, type UnitRange } from './units';

export const MAX_CODERS = 20;

export interface CoderSpan {
  codeId: number;
  /** Index of the coder among the compared coders. */
  coder: number;
  startUtf16: number;
  endUtf16: number;
}

export interface AgreementDocument {
  id: number;
  text: string;
  /** Speaker turns (UTF-16 ranges), for the `turns` unit. */
  turns: readonly UnitRange[];
  /** The compared coders' segments of the compared codes in this document. */
  spans: readonly CoderSpan[];
}

/** A unit (or, for characters, a run of characters) on which the coders differ. */
export interface UnitDisagreement {
  codeId: number;
  startUtf16: number;
  endUtf16: number;
  /** Bit c set: coder c applied the code here. */
  appliedMask: number;
}

type OnDisagreement = (d: UnitDisagreement) => void;

export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Sorted, disjoint intervals; touching ones joined so a coder never counts twice on one character. */
function mergeIntervals(spans: readonly CoderSpan[]): UnitRange[] {
  const sorted = spans
    .map((s) => ({ start: s.startUtf16, end: s.endUtf16 }))
    .filter((r) => r.start < r.end)
    .sort((a, b) => a.start - b.start);
  const out: UnitRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Each code's spans per coder, merged. */
function groupByCode(spans: readonly CoderSpan[], coders: number): Map<number, UnitRange[][]> {
  const raw = new Map<number, CoderSpan[][]>();
  for (const s of spans) {
    if (s.coder < 0 || s.coder >= coders) continue;
    let byCoder = raw.get(s.codeId);
    if (!byCoder) {
      byCoder = Array.from({ length: coders }, () => []);
      raw.set(s.codeId, byCoder);
    }
    byCoder[s.coder]!.push(s);
  }
  const out = new Map<number, UnitRange[][]>();
  for (const [codeId, byCoder] of raw) out.set(codeId, byCoder.map(mergeIntervals));
  return out;
}

function addRun(t: BinaryTally, mask: number, length: number): void {
  if (length <= 0) return;
  t.units += length;
  t.byCount[popcount(mask)]! += length;
  for (let c = 0, m = mask; m !== 0; c++, m >>>= 1) if (m & 1) t.applied[c]! += length;
}

function sweepCharacters(
  text: string,
  intervals: readonly UnitRange[][],
  tally: BinaryTally,
  codePoints: (offset: number) => number,
  codeId: number,
  onDisagreement: OnDisagreement | undefined,
): void {
  const all = (1 << intervals.length) - 1;
  const events: { at: number; coder: number; open: boolean }[] = [];
  intervals.forEach((list, coder) => {
    for (const r of list) events.push({ at: r.start, coder, open: true }, { at: r.end, coder, open: false });
  });
  events.sort((a, b) => a.at - b.at);
  let mask = 0;
  let from = 0;
  const emit = (to: number) => {
    addRun(tally, mask, codePoints(to) - codePoints(from));
    if (onDisagreement && to > from && mask !== 0 && mask !== all)
      onDisagreement({ codeId, startUtf16: from, endUtf16: to, appliedMask: mask });
  };
  for (let i = 0; i < events.length;) {
    const at = events[i]!.at;
    emit(at);
    for (; i < events.length && events[i]!.at === at; i++) {
      const e = events[i]!;
      mask = e.open ? mask | (1 << e.coder) : mask & ~(1 << e.coder);
    }
    from = at;
  }
  emit(text.length);
}

function markUnits(
  units: readonly UnitRange[],
  intervals: readonly UnitRange[],
  bit: number,
  masks: Uint32Array,
) {
  let i = 0;
  let j = 0;
  while (i < intervals.length && j < units.length) {
    const r = intervals[i]!;
    const u = units[j]!;
    if (r.end <= u.start) i++;
    else if (u.end <= r.start) j++;
    else {
      masks[j]! |= bit;
      j++;
    }
  }
}

/**
 * Adds this document's units to each code's tally (`tallies` must hold every compared code, each with
 * `coders` coders). A code nobody applied here still counts every unit as agreed absence.
 */
export function tallyDocument(
  doc: AgreementDocument,
  unit: AgreementUnit,
  coders: number,
  tallies: Map<number, BinaryTally>,
  onDisagreement?: OnDisagreement,
): void {
  if (coders > MAX_CODERS) throw new RangeError(`at most ${MAX_CODERS} coders can be compared`);
  const byCode = groupByCode(doc.spans, coders);
  if (unit === 'characters') {
    const codePoints = codePointCounter(doc.text);
    const length = codePoints(doc.text.length);
    for (const [codeId, tally] of tallies) {
      const intervals = byCode.get(codeId);
      if (intervals) sweepCharacters(doc.text, intervals, tally, codePoints, codeId, onDisagreement);
      else addRun(tally, 0, length);
    }
    return;
  }
  const units = unitRanges(unit, doc.text, doc.turns);
  const all = (1 << coders) - 1;
  for (const [codeId, tally] of tallies) {
    const intervals = byCode.get(codeId);
    if (!intervals) {
      addRun(tally, 0, units.length);
      continue;
    }
    const masks = new Uint32Array(units.length);
    intervals.forEach((list, c) => markUnits(units, list, 1 << c, masks));
    for (let j = 0; j < units.length; j++) {
      addRun(tally, masks[j]!, 1);
      if (onDisagreement && masks[j] !== 0 && masks[j] !== all)
        onDisagreement({
          codeId,
          startUtf16: units[j]!.start,
          endUtf16: units[j]!.end,
          appliedMask: masks[j]!,
        });
    }
  }
}

/** Fresh tallies for the compared codes. */
export function emptyTallies(codeIds: readonly number[], coders: number): Map<number, BinaryTally> {
  return new Map(codeIds.map((id) => [id, emptyTally(coders)]));
}
