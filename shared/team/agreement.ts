/**
 * Inter-coder agreement for chosen coders, codes and documents, per code and overall.
 *
 * Definitions (also in the README and in every report):
 * - percent agreement: the share of units on which all chosen coders agree (all applied the code, or
 *   none did);
 * - Cohen's kappa (exactly two coders): (p_o − p_e) / (1 − p_e), p_e from each coder's own rate of
 *   applying the code; null when p_e = 1;
 * - Krippendorff's alpha (any number of coders, nominal, binary per code): 1 − D_o / D_e over all
 *   coders' values of all units; null when D_e = 0;
 * - overall: the same measures over all (unit, code) pairs pooled as one binary table.
 */
import { addTally, emptyTally, measures, type AgreementMeasures, type BinaryTally } from './measures';
import { emptyTallies, tallyDocument, type AgreementDocument, type UnitDisagreement } from './tally';
import type { AgreementUnit } from './units';

export interface CodeAgreementResult extends AgreementMeasures {
  codeId: number;
  /** Units on which each coder applied the code, in the order of the compared coders. */
  applied: number[];
}

export interface AgreementResult {
  codes: CodeAgreementResult[];
  overall: AgreementMeasures & { applied: number[] };
  documentCount: number;
}

export const AGREEMENT_DEFINITIONS = [
  'Percent agreement: the share of units on which all chosen coders agree (all applied the code, or none did).',
  "Cohen's kappa (exactly two coders): (p_o − p_e) / (1 − p_e), where p_e comes from each coder's own rate of applying the code; empty when p_e = 1.",
  "Krippendorff's alpha (nominal, binary per code, any number of coders): 1 − D_o / D_e over all coders' values of all units; empty when D_e = 0.",
  'A coder applied a code to a unit when any of their segments of that code shares at least one character with it.',
  'Overall: the same measures over all (unit, code) pairs pooled as one binary table.',
] as const;

export const UNIT_DEFINITIONS: Record<AgreementUnit, string> = {
  characters: 'characters (every Unicode code point of each compared document)',
  sentences: 'sentences (Unicode sentence breaks within each paragraph)',
  paragraphs: 'paragraphs (non-empty lines of the stored text)',
  turns: 'speaker turns (documents without detected turns add none)',
  documents: 'documents (each compared document is one unit)',
};

function finish(tally: BinaryTally): AgreementMeasures & { applied: number[] } {
  return { ...measures(tally), applied: [...tally.applied] };
}

/**
 * Tallies every document (read one at a time, so a caller can stream them from the store) and
 * returns the measures per code, in the order of `codeIds`, and pooled.
 */
export function computeAgreement(input: {
  unit: AgreementUnit;
  coders: number;
  codeIds: readonly number[];
  documents: Iterable<AgreementDocument>;
}): AgreementResult {
  if (input.coders < 2) throw new RangeError('agreement needs at least two coders');
  const tallies = emptyTallies(input.codeIds, input.coders);
  let documentCount = 0;
  for (const doc of input.documents) {
    tallyDocument(doc, input.unit, input.coders, tallies);
    documentCount++;
  }
  const overall = emptyTally(input.coders);
  const codes = input.codeIds.map((codeId) => {
    const tally = tallies.get(codeId)!;
    addTally(overall, tally);
    return { codeId, ...finish(tally) };
  });
  return { codes, overall: finish(overall), documentCount };
}

/** The units of one document on which the coders differ, in code order then text order. */
export function documentDisagreements(
  doc: AgreementDocument,
  unit: AgreementUnit,
  coders: number,
  codeIds: readonly number[],
): UnitDisagreement[] {
  const found: UnitDisagreement[] = [];
  tallyDocument(doc, unit, coders, emptyTallies(codeIds, coders), (d) => found.push(d));
  const order = new Map(codeIds.map((id, i) => [id, i]));
  return found.sort((a, b) => order.get(a.codeId)! - order.get(b.codeId)! || a.startUtf16 - b.startUtf16);
}
