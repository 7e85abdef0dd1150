/**
 * Offset maps: from a source file's raw text, as another REFI-QDA tool counted it, to Passage's stored
 * text (normaliseText: no BOM, LF line endings, no NUL, NFC, trailing whitespace trimmed), in UTF-16.
 *
 * The standard counts Unicode code points; NVivo counts UTF-16 code units. Both count a CRLF as two
 * and neither counts a leading BOM. The map follows every step of normaliseText position by position,
 * so a selection lands on the same characters the other tool meant — text is never searched for.
 */
import { splitsSurrogatePair } from '../offsets';

export type OffsetUnit = 'codepoints' | 'utf16';
export type Side = 'start' | 'end';

export interface OffsetMap {
  readonly unit: OffsetUnit;
  /** Length of the raw text (BOM excluded) in `unit`: valid offsets are 0..rawLength. */
  readonly rawLength: number;
  /** Exactly normaliseText(raw). */
  readonly storedText: string;
  /**
   * The stored UTF-16 offset of a raw offset. Where normalisation merged characters (a letter and its
   * combining accent become one) an offset between them cannot be kept: a start moves back to the
   * merged character's start, an end forward to its end, so the quote never loses a character.
   */
  toStored(rawOffset: number, side: Side): number;
}

const INSIDE = -1;
const MAY_CHANGE_UNDER_NFC = /[^\0-\u02ff]/;
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** True when some character lies above U+FFFF (a surrogate pair in UTF-16). */
export function hasSurrogates(text: string): boolean {
  return /[\ud800-\udbff]/.test(text);
}

/** The raw text as the other tool counted it: without a leading byte-order mark. */
export function withoutBom(raw: string): string {
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

/** UTF-16 index of each code point offset (index k → start of the k-th code point; last = length). */
export function codePointStarts(text: string): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i++;
  }
  starts.push(text.length);
  return Int32Array.from(starts);
}

/** Line endings to LF, NUL dropped, U+2028/2029 to LF; map[i] = output index of raw index i. */
function normaliseLines(text: string): { out: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let outLength = 0;
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) {
      parts.push(text.slice(runStart, end));
      outLength += end - runStart;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d || c === 0 || c === 0x2028 || c === 0x2029) {
      flush(i);
      map[i] = outLength;
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) map[++i] = outLength;
      if (c !== 0) {
        parts.push('\n');
        outLength++;
      }
      runStart = i + 1;
    } else {
      map[i] = outLength + (i - runStart);
    }
  }
  flush(text.length);
  map[text.length] = outLength;
  return { out: parts.join(''), map };
}

/** Cut points of a chunk where NFC of the parts equals NFC of the whole (checked in a small window). */
function safeCuts(chunk: string): number[] {
  const cuts = [0];
  for (let p = 1; p < chunk.length; p++) {
    if (splitsSurrogatePair(chunk, p)) continue;
    const left = chunk.slice(Math.max(0, p - 8), p);
    const right = chunk.slice(p, p + 8);
    if (left.normalize('NFC') + right.normalize('NFC') === (left + right).normalize('NFC')) cuts.push(p);
  }
  cuts.push(chunk.length);
  return cuts;
}

/** NFC with a map from input index to output index (INSIDE where characters were merged). */
function normaliseNfc(text: string): { out: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  if (!MAY_CHANGE_UNDER_NFC.test(text)) {
    for (let i = 0; i <= text.length; i++) map[i] = i;
    return { out: text, map };
  }
  const parts: string[] = [];
  let outLength = 0;
  // Every code point below U+0300 starts a new chunk: NFC never composes or reorders across it.
  let chunkStart = 0;
  const emit = (from: number, to: number) => {
    const piece = text.slice(from, to);
    const normal = piece.normalize('NFC');
    if (normal.length === piece.length) {
      for (let i = from; i < to; i++) map[i] = outLength + (i - from);
    } else {
      map[from] = outLength;
      for (let i = from + 1; i < to; i++) map[i] = INSIDE;
    }
    parts.push(normal);
    outLength += normal.length;
  };
  const emitChunk = (from: number, to: number) => {
    const chunk = text.slice(from, to);
    if (chunk.normalize('NFC') === chunk) {
      emit(from, to);
      return;
    }
    const cuts = safeCuts(chunk);
    const pieces = cuts.slice(1).map((end, k) => chunk.slice(cuts[k], end).normalize('NFC'));
    if (pieces.join('') !== chunk.normalize('NFC')) {
      emit(from, to);
      return;
    }
    for (let k = 0; k + 1 < cuts.length; k++) emit(from + cuts[k]!, from + cuts[k + 1]!);
  };
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) < 0x300) {
      if (i > chunkStart) emitChunk(chunkStart, i);
      chunkStart = i;
    }
  }
  map[text.length] = outLength;
  return { out: parts.join(''), map };
}

function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Builds the map for one source text (BOM included or not) counted in `unit`. */
export function buildOffsetMap(raw: string, unit: OffsetUnit): OffsetMap {
  const text = withoutBom(raw);
  // Without a surrogate pair code points and UTF-16 units coincide: no table needed (most texts).
  const starts = unit === 'codepoints' && hasSurrogates(text) ? codePointStarts(text) : null;
  const lines = normaliseLines(text);
  const nfc = normaliseNfc(lines.out);
  const storedText = trimEnd(nfc.out);
  const rawLength = starts ? starts.length - 1 : text.length;
  return {
    unit,
    rawLength,
    storedText,
    toStored(rawOffset, side) {
      if (!Number.isInteger(rawOffset) || rawOffset < 0 || rawOffset > rawLength) {
        throw new RangeError(`offset ${rawOffset} is outside the text (0..${rawLength})`);
      }
      const utf16 = starts ? starts[rawOffset]! : rawOffset;
      let at = lines.map[utf16]!;
      while (nfc.map[at] === INSIDE) at += side === 'start' ? -1 : 1;
      let stored = Math.min(nfc.map[at]!, storedText.length);
      if (splitsSurrogatePair(storedText, stored)) stored += side === 'start' ? -1 : 1;
      return stored;
    },
  };
}
