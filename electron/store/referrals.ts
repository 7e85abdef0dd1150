import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { cycleIfAdded } from '../../shared/sample/graph';
import type { ReferralEdge } from '../../shared/sample/types';
import { statement } from './statements';

export interface ReferralRecord extends ReferralEdge {
  date: string | null;
  note: string;
}

export function listReferrals(db: Database.Database): ReferralRecord[] {
  return statement(
    db,
    `SELECT referrer_id AS referrerId, referred_id AS referredId, referred_on AS date, note
     FROM referrals ORDER BY referred_on, id`,
  ).all() as ReferralRecord[];
}

function labelOf(db: Database.Database, id: number): string {
  const row = statement(db, 'SELECT label FROM participants WHERE id = :id').get({ id }) as
    { label: string } | undefined;
  if (!row) throw new PassageError('not_found', `participant ${id} does not exist`);
  return row.label;
}

/**
 * Records that referrerId named referredId. A participant may have several referrers, but a
 * referral that would close a cycle is refused, naming the participants on it, because waves
 * (distance from a seed) mean nothing in a cycle.
 */
export function addReferral(db: Database.Database, referral: ReferralRecord): void {
  db.transaction(() => {
    const referrer = labelOf(db, referral.referrerId);
    const referred = labelOf(db, referral.referredId);
    if (referral.referrerId === referral.referredId)
      throw new PassageError('invalid_argument', `${referrer} cannot refer themselves`);
    const cycle = cycleIfAdded(listReferrals(db), referral.referrerId, referral.referredId);
    if (cycle) {
      const names = cycle.map((id) => labelOf(db, id));
      throw new PassageError(
        'conflict',
        `${referrer} → ${referred} would make a referral cycle: ${names.join(' → ')}`,
      );
    }
    const { changes } = statement(
      db,
      `INSERT INTO referrals (referrer_id, referred_id, referred_on, note, created_at)
       VALUES (:referrerId, :referredId, :date, :note, :createdAt)
       ON CONFLICT (referrer_id, referred_id) DO UPDATE SET referred_on = excluded.referred_on, note = excluded.note`,
    ).run({ ...referral, createdAt: new Date().toISOString() });
    if (changes === 0)
      throw new PassageError('internal', `the referral from ${referrer} to ${referred} was not saved`);
  }).immediate();
}

export function removeReferral(db: Database.Database, referrerId: number, referredId: number): void {
  const { changes } = statement(
    db,
    'DELETE FROM referrals WHERE referrer_id = :referrerId AND referred_id = :referredId',
  ).run({ referrerId, referredId });
  if (changes === 0)
    throw new PassageError(
      'not_found',
      `participant ${referrerId} has not referred participant ${referredId}`,
    );
}
