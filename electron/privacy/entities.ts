// Other people's names, organisations and places, found by compromise (tagger.ts) and by two rules
// of thumb it misses: a title before a capitalised word ("Col. Okonkwo"), and two or more capitalised
// words mid-sentence that are not common words ("then Priya Raghunathan called").
import nlp from 'compromise';
import { TITLES } from '../../shared/privacy/keyMatcher';
import { fold } from '../../shared/privacy/fold';
import type { Finding } from '../../shared/privacy/types';
import { tagWindows, type TaggedSpan } from './tagger';

// Capitalised words that start sentences or answers and name nobody: a chunk whose only capitalised
// words are these is not given to the tagger (most of an interview), which is what keeps it fast.
const COMMON = new Set(
  (
    'i a an the and but so or yes no well ok okay oh um uh er hmm yeah right sure we it its he she they you ' +
    'my our your his her their this that these those there then when what where why how who which if ' +
    'as at in on of for to from with by after before because also now just maybe perhaps actually ' +
    'interviewer interviewee respondent participant q a speaker question answer thank thanks ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december god mum dad mother father sir madam later ' +
    'earlier once today yesterday tomorrow sometimes afterwards meanwhile finally first next anyway honestly'
  ).split(' '),
);

const LEXICON = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one
  .lexicon;
const NAME_TAGS = /Name|Person|Place|City|Country|Region|Organization|ProperNoun|Honorific/;
// Endings of English nouns that are not names ("Protection Cluster", "Lessons Learned").
const COMMON_ENDING = /(?:tion|sion|ment|ness|ity|ship|ism|ies)$/;

const commonWords = new Map<string, boolean>();

/** An English word by compromise's lexicon, an ending, or the list above: not a name on its own. */
function isCommonWord(word: string): boolean {
  let common = commonWords.get(word);
  if (common === undefined) {
    const w = fold(word).replace(/['’]s$/u, '');
    const tag = LEXICON[w];
    common =
      COMMON.has(w) ||
      COMMON_ENDING.test(w) ||
      (tag !== undefined && !(Array.isArray(tag) ? tag : [tag]).some((t) => NAME_TAGS.test(t)));
    // Bounded: a corpus has a few thousand distinct capitalised words.
    if (commonWords.size > 100_000) commonWords.clear();
    commonWords.set(word, common);
  }
  return common;
}

/** A role ("Country Director") is not a place or an organisation. */
const isRole = (word: string): boolean => {
  const tag = LEXICON[fold(word)];
  return tag !== undefined && (Array.isArray(tag) ? tag : [tag]).includes('Actor');
};

const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*/gu;
// A line (a speaker's turn), or a sentence of a long one; never split after a title's dot.
const CHUNK =
  /(?:[^\n.!?]|[.!?](?!\s)|(?<=\b(?:Mr|Mrs|Ms|Dr|Prof|Col|Gen|Lt|Capt|Maj|Sgt|Cpl|Adm|Cdr|Brig|Rev|Fr|Sr|St|Mt|Insp|Amb))\.)+[.!?]*/g;
const ORGANISATION_WORD = new Set(
  (
    'cross nations frontieres ministry university council bank agency committee corps foundation ' +
    'institute office organisation organization association society company group inc ltd llc gmbh ' +
    'command force forces army navy headquarters mission programme program fund union service services ' +
    'department trust hospital school college centre center federation league party front international ' +
    'crescent brigade battalion regiment division unit ngo alliance network council commission bureau'
  ).split(' '),
);

function spansOf(tagged: readonly TaggedSpan[], window: string, base: number): Finding[] {
  const out: Finding[] = [];
  for (const { kind, ...span } of tagged) {
    let { start, end } = span;
    // Trim punctuation and a possessive the tagger kept with the name.
    while (start < end && !/[\p{L}\p{N}]/u.test(window[start]!)) start++;
    while (end > start && !/[\p{L}\p{N}]/u.test(window[end - 1]!)) end--;
    // A sentence's first word kept with the name ("Later Olusegun Adeyemi").
    for (let lead = /^(\p{L}+)\s+/u.exec(window.slice(start, end)); lead && COMMON.has(fold(lead[1]!));) {
      start += lead[0].length;
      lead = /^(\p{L}+)\s+/u.exec(window.slice(start, end));
    }
    const text = window.slice(start, end).replace(/['’]s$/u, '');
    end = start + text.length;
    if (text.length < 2 || !/\p{Lu}/u.test(text)) continue;
    const words = text.split(/[\s-]+/);
    if (words.every((w) => isCommonWord(w) || TITLES.has(fold(w).replace(/\.$/, '')))) continue;
    if (kind !== 'person' && isRole(words.at(-1)!)) continue;
    out.push({ startUtf16: base + start, endUtf16: base + end, text, kind });
  }
  return out;
}

/** Runs of capitalised words mid-sentence, and a title followed by a capitalised word. */
function ruleOfThumbPeople(chunk: string, base: number): Finding[] {
  const out: Finding[] = [];
  const words = [...chunk.matchAll(CAPITALISED)];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    const firstFolded = fold(first[0]).replace(/\.$/, '');
    let j = i;
    while (
      j + 1 < words.length &&
      /^\.?\s+$/.test(chunk.slice(words[j]!.index + words[j]![0].length, words[j + 1]!.index))
    )
      j++;
    const isTitle = TITLES.has(firstFolded);
    const run = words.slice(isTitle ? i + 1 : i, j + 1);
    // A sentence's first word is capitalised anyway: "Later Olusegun Adeyemi joined".
    while (!isTitle && run.length > 0 && COMMON.has(fold(run[0]![0]))) run.shift();
    const allNamed = run.every((w) => !isCommonWord(w[0]));
    // "Red Cross", "World Food Programme": common words, but an organisation's.
    const organisation = run.length >= 2 && run.some((w) => ORGANISATION_WORD.has(fold(w[0])));
    if (run.length > 0 && (allNamed || organisation) && (isTitle || run.length >= 2)) {
      const start = isTitle ? first.index : run[0]!.index;
      const last = words[j]!;
      const text = chunk.slice(start, last.index + last[0].length).replace(/['’]s$/u, '');
      out.push({
        startUtf16: base + start,
        endUtf16: base + start + text.length,
        text,
        kind: organisation ? 'organisation' : 'person',
      });
    }
    i = j;
  }
  return out;
}

// Words of context the tagger sees on each side of a capitalised word: enough for "worked for the
// Red Cross in" or "Later Tomasz Nowak sent", far less than a whole turn.
const CONTEXT_WORDS = 4;
const WORD = /\S+/g;
const CAPITAL_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*/u;

interface Chunk {
  start: number;
  text: string;
  /** Offsets in the text of the windows given to the tagger, and their place in the list. */
  windows: { start: number; index: number }[];
}

/**
 * Spans of a chunk around its capitalised words that are neither English nor already found (a key
 * person's name needs no tagger), merged where they touch.
 */
function windowsOf(chunk: string, base: number, known: Uint8Array): { start: number; end: number }[] {
  const words = [...chunk.matchAll(WORD)];
  const windows: { start: number; end: number }[] = [];
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const capital = CAPITAL_WORD.exec(words[i]![0]);
    if (!capital || known[base + words[i]!.index + capital.index] === 1 || isCommonWord(capital[0])) continue;
    const from = Math.max(0, i - CONTEXT_WORDS);
    const to = Math.min(words.length - 1, i + CONTEXT_WORDS);
    const start = words[from]!.index;
    const end = words[to]!.index + words[to]![0].length;
    if (last >= 0 && from <= last) windows[windows.length - 1]!.end = end;
    else windows.push({ start, end });
    last = to;
  }
  return windows;
}

/** Other people, organisations and places in a text; `known` spans (found otherwise) are not tagged. */
export function findEntities(text: string, known: readonly Finding[] = []): Finding[] {
  const knownAt = new Uint8Array(text.length);
  for (const f of known) knownAt.fill(1, f.startUtf16, f.endUtf16);
  const chunks: Chunk[] = [];
  const windowTexts: string[] = [];
  for (const m of text.matchAll(CHUNK)) {
    const windows = windowsOf(m[0], m.index, knownAt);
    // The rules of thumb see every chunk: "the Red Cross" is all English words, which no window covers.
    chunks.push({
      start: m.index,
      text: m[0],
      windows: windows.map((w) => {
        windowTexts.push(m[0].slice(w.start, w.end));
        return { start: m.index + w.start, index: windowTexts.length - 1 };
      }),
    });
  }
  const tagged = tagWindows(windowTexts);
  const out: Finding[] = [];
  for (const chunk of chunks) {
    const found = chunk.windows.flatMap((w) => spansOf(tagged[w.index]!, windowTexts[w.index]!, w.start));
    // The rules of thumb only where the tagger found nothing.
    const untagged = ruleOfThumbPeople(chunk.text, chunk.start).filter(
      (r) => !found.some((t) => t.startUtf16 < r.endUtf16 && r.startUtf16 < t.endUtf16),
    );
    out.push(...found, ...untagged);
  }
  return out;
}
