// Contract of the sample: participants, referrals, recruitment status, consent, identity key.
export const sampleArgs = {};

export type SampleResults = Record<never, never>;
