// Researcher B's coding, derived from Researcher A's rather than copied by hand: B codes the same
// transcripts and mostly agrees, with the differences two real coders have — a passage missed, a
// shorter span, a neighbouring code chosen instead. The choice is seeded, so every example study is
// the same file and the Team view always has the same disagreements to explain.
import type { DemoSegment } from './coding';
import { seededRandom } from '../../shared/seededRandom';

export interface SecondCoderPlan {
  /** The documents B coded ("Interview P01"). */
  documents: readonly string[];
  seed: number;
  /** How many of A's segments in each document B left out, coded shorter, or coded with a sibling code. */
  missed: number;
  shorter: number;
  recoded: number;
}

export type Difference = 'same' | 'missed' | 'shorter' | 'recoded';

export interface DerivedSegment {
  segment: DemoSegment;
  /** A's segment it comes from (for "missed", the one B left out). */
  from: DemoSegment;
  difference: Difference;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The shorter span a second coder would mark: the first sentence of a quote of several, else the
 * clause before its first comma or colon when that still says something (four words or more).
 */
export function shorterQuote(quote: string): string | null {
  const sentences = quote.split(/(?<=[.?!])\s+/);
  if (sentences.length > 1) return sentences[0]!;
  const clause = /^(.+?)[,:;]\s/.exec(quote)?.[1];
  return clause && clause.split(/\s+/).length >= 4 ? clause : null;
}

const parentOf = (codePath: string) => codePath.split(' > ').slice(0, -1).join(' > ');
const leafOf = (codePath: string) => codePath.split(' > ').at(-1)!;

/**
 * B's segments for `plan.documents`, each derived from one of A's. A sibling code is one A used
 * elsewhere under the same parent and not in that document, so B's recoded segment never overlaps
 * another of B's with the same code (which Passage would merge into one).
 */
export function deriveSecondCoder(first: readonly DemoSegment[], plan: SecondCoderPlan): DerivedSegment[] {
  const random = seededRandom(plan.seed);
  const codes = [...new Set(first.map((s) => s.code))];
  const out: DerivedSegment[] = [];
  for (const document of plan.documents) {
    const own = first.filter((s) => s.document === document);
    const usedHere = new Set(own.map((s) => s.code));
    const siblingsFor = (codePath: string) =>
      codes.filter(
        (c) => c !== codePath && parentOf(c) !== '' && parentOf(c) === parentOf(codePath) && !usedHere.has(c),
      );
    const differences = new Map<DemoSegment, Difference>();
    const assign = (difference: Difference, count: number, fits: (s: DemoSegment) => boolean) => {
      for (const s of shuffled(own, random)) {
        if (count === 0) break;
        if (differences.has(s) || !fits(s)) continue;
        differences.set(s, difference);
        count -= 1;
      }
    };
    // The sibling is chosen as the segment is picked, so two recoded segments never share one.
    const recodedTo = new Map<DemoSegment, string>();
    assign('recoded', plan.recoded, (s) => {
      const siblings = siblingsFor(s.code);
      if (siblings.length === 0) return false;
      const code = siblings[Math.floor(random() * siblings.length)]!;
      recodedTo.set(s, code);
      usedHere.add(code);
      return true;
    });
    assign('shorter', plan.shorter, (s) => shorterQuote(s.quote) !== null);
    assign('missed', plan.missed, () => true);
    for (const from of own) {
      const difference = differences.get(from) ?? 'same';
      // B writes memos of her own; A's are not copied.
      const base: DemoSegment = { document, code: from.code, quote: from.quote };
      if (difference === 'missed') out.push({ segment: base, from, difference });
      else if (difference === 'shorter')
        out.push({
          segment: { ...base, quote: shorterQuote(from.quote)!, within: from.quote },
          from,
          difference,
        });
      else if (difference === 'recoded') {
        const code = recodedTo.get(from)!;
        const memo = `I read this as ${leafOf(code)} rather than ${leafOf(from.code)}.`;
        out.push({ segment: { ...base, code, memo }, from, difference });
      } else out.push({ segment: base, from, difference });
    }
  }
  return out;
}
