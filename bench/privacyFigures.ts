// Issue 16: finding identifiers in a 200,000-word transcript in under 2 s, against the same text
// through the shape patterns alone (emails, phones, postcodes, dates: regular expressions, the least
// any finder does); once on the study's long transcript (interview talk, few names) and once on
// 200,000 words of the labelled corpus (someone named in nearly every sentence). Each run starts with
// the tagger's memory of windows emptied, so no run is helped by the one before. Then the privacy
// scan of the whole study project (every table, the file and its WAL) for a participant's name.
import type { Session } from '../electron/backend/session';
import { findEntities } from '../electron/privacy/entities';
import { forgetTaggedWindows } from '../electron/privacy/tagger';
import { findIdentifiers, type Finders } from '../shared/privacy/find';
import { createKeyMatcher } from '../shared/privacy/keyMatcher';
import { findPatterns } from '../shared/privacy/patterns';
import { countWords } from '../shared/text/wordCount';
import { generateCorpus } from '../test/privacy/corpus';
import { call, reason } from './api';
import { informational, medianMs, notMeasured, underLimit, type Figure } from './figures';

export interface PrivacyBenchContext {
  /** The text of the study's 200,000-word transcript. */
  text: string;
  /** false: the finders only (the caller scans another project with projectScanFigure). */
  scan?: false;
}

const LIMIT_MS = 2000;
const RUNS = 3;

async function findingFigure(name: string, text: string, finders: Finders): Promise<Figure> {
  try {
    const words = countWords(text);
    let found = 0;
    const ms = await medianMs(RUNS, () => {
      forgetTaggedWindows();
      found = findIdentifiers(text, finders).length;
    });
    const patternsMs = await medianMs(RUNS, () => findPatterns(text));
    const note = `${words} words, ${found} findings; median of ${RUNS}; baseline: the shape patterns alone`;
    return underLimit(name, ms, 'ms', LIMIT_MS, patternsMs, note);
  } catch (error) {
    return notMeasured(name, 'ms', `< ${LIMIT_MS} ms`, reason(error));
  }
}

/** 200,000 words of distinct labelled transcripts (a seed of their own, none repeated). */
function denseText(): string {
  const parts: string[] = [];
  let words = 0;
  for (const t of generateCorpus(17, 1000).transcripts) {
    if (words >= 200_000) break;
    parts.push(t.text);
    words += countWords(t.text);
  }
  return parts.join('\n');
}

/** The privacy scan of the session's project for a participant's name, once. */
export async function projectScanFigure(session: Session, what = 'the whole study'): Promise<Figure> {
  const name = `privacy scan of ${what} project`;
  try {
    await call(session, 'sample.identity.create', { passphrase: 'bench passphrase for the privacy scan' });
    const participant = session.requireProject().db.prepare('SELECT id FROM participants LIMIT 1').get() as {
      id: number;
    };
    await call(session, 'privacy.identity.set', {
      participantId: participant.id,
      name: 'Marcus Whitfield',
      aliases: ['Whitty'],
      contact: 'marcus.whitfield@example.org; +44 20 7946 0958',
    });
    let hits = 0;
    const ms = await medianMs(1, async () => {
      hits = ((await call(session, 'privacy.scan', {})) as { hits: unknown[] }).hits.length;
    });
    await call(session, 'sample.identity.lock', {});
    return informational(name, ms, 'ms', `every table, the file and its WAL; ${hits} hits`);
  } catch (error) {
    return notMeasured(name, 'ms', 'report', reason(error));
  }
}

export async function measurePrivacy(session: Session, ctx: PrivacyBenchContext): Promise<Figure[]> {
  const corpus = generateCorpus();
  const finders: Finders = { key: createKeyMatcher(corpus.people), terms: [], entities: findEntities };
  return [
    await findingFigure('privacy: find identifiers, 200,000-word transcript', ctx.text, finders),
    await findingFigure('privacy: find identifiers, 200,000 words naming people', denseText(), finders),
    ...(ctx.scan === false ? [] : [await projectScanFigure(session)]),
  ];
}
