// A generated interview transcript for measuring the reader: deterministic, so runs compare.

const WORDS = (
  'the organisation military access funding province mission civilian security cooperation we they had ' +
  'learned distance approach comprehensive legitimacy knowledge expertise information analysis ' +
  'implementation structure operational level discussion meeting partners trust local staff village ' +
  'convoy permit escort protection casualties report policy donors headquarters field office team ' +
  'because however perhaps later often never always decided needed wanted could would should about ' +
  'with from into over under after before during between without against among'
).split(' ');

/** Park–Miller: a tiny seeded generator, so the transcript is the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/** Alternating Interviewer/Respondent turns, one paragraph each, until `wordCount` words. */
export function bigTranscript(wordCount: number, seed = 42): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  let words = 0;
  let turn = 0;
  while (words < wordCount) {
    const speaker = turn % 2 === 0 ? 'Interviewer' : 'Respondent';
    const length = Math.min(
      wordCount - words,
      turn % 2 === 0 ? 8 + Math.floor(next() * 20) : 30 + Math.floor(next() * 120),
    );
    const sentence: string[] = [];
    for (let i = 0; i < length; i++) sentence.push(WORDS[Math.floor(next() * WORDS.length)]!);
    paragraphs.push(`${speaker}: ${sentence.join(' ')}.`);
    words += length + 1; // the label counts as a word
    turn++;
  }
  return `${paragraphs.join('\n\n')}\n`;
}

/** `count` segment ranges on word boundaries, 3–40 words long, some across paragraphs, spread evenly. */
export function segmentRanges(text: string, count: number, seed = 7): { start: number; end: number }[] {
  const next = random(seed);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/\p{L}+/gu)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  const ranges: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    const first = Math.floor(((i + next()) / count) * (starts.length - 50));
    const last = first + 2 + Math.floor(next() * 38);
    ranges.push({ start: starts[first]!, end: ends[last]! });
  }
  return ranges;
}
