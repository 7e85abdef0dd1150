import { describe, expect, it } from 'vitest';
import { computeWaves, cycleIfAdded, descendants, findSeeds } from '../../shared/sample/graph';
import type { ParticipantRow } from '../../shared/api/sample';
import { filterRows, sortRows } from '../../shared/sample/pipeline';
import { nextDefaultLabel, renumberByInterviewOrder } from '../../shared/sample/labels';
import { waitingForReply } from '../../shared/sample/reminders';
import { saturationCurve } from '../../shared/sample/saturation';
import { median, sampleStatistics, type StatsParticipant } from '../../shared/sample/statistics';
import { daysBetween, isIsoDate } from '../../shared/sample/types';

const e = (referrerId: number, referredId: number) => ({ referrerId, referredId });

describe('waves', () => {
  // Seeds 1 and 2. 1 → 3 → 5 → 6; 2 → 4 → 6; 2 → 5.  6 is reachable at distance 3 via 1 and 2 via 2 → 4.
  // 5 is reached from 3 (wave 2) and directly from seed 2 (wave 1): the shortest wins.
  const edges = [e(1, 3), e(3, 5), e(5, 6), e(2, 4), e(4, 6), e(2, 5), e(7, 8)];
  const ids = [1, 2, 3, 4, 5, 6, 7, 8];

  it('are the shortest distance from any seed, over several seeds', () => {
    const waves = computeWaves(ids, edges);
    expect(findSeeds(ids, edges)).toEqual([1, 2, 7]);
    expect(Object.fromEntries(waves)).toEqual({ 1: 0, 2: 0, 7: 0, 3: 1, 4: 1, 5: 1, 8: 1, 6: 2 });
  });

  it('a participant referred twice takes the shorter chain', () => {
    // 10 → 11 → 12 → 13 and 10 → 13: 13 is wave 1, not 3.
    const waves = computeWaves([10, 11, 12, 13], [e(10, 11), e(11, 12), e(12, 13), e(10, 13)]);
    expect(waves.get(13)).toBe(1);
    expect(waves.get(12)).toBe(2);
  });

  it('finds the cycle a new referral would close, naming it in order', () => {
    expect(cycleIfAdded(edges, 6, 1)).toEqual([6, 1, 3, 5, 6]);
    expect(cycleIfAdded(edges, 6, 2)).toEqual([6, 2, 4, 6]);
    expect(cycleIfAdded(edges, 1, 6)).toBeNull();
    expect(cycleIfAdded(edges, 3, 3)).toEqual([3, 3]);
  });

  it('descendants follow every chain once', () => {
    expect([...descendants(edges, 2)].sort()).toEqual([4, 5, 6]);
    expect(descendants(edges, 6).size).toBe(0);
  });
});

describe('statistics', () => {
  const p = (
    id: number,
    status: StatsParticipant['status'],
    category: string | null,
    identifiedOn: string | null = null,
    interviewedOn: string | null = null,
  ): StatsParticipant => ({ id, label: `P${id}`, category, status, identifiedOn, interviewedOn });

  it('counts by category, status, wave, seed yield, rates and median days', () => {
    const participants = [
      p(1, 'interviewed', 'NGO', '2024-01-01', '2024-01-11'), // 10 days
      p(2, 'interviewed', 'NGO', '2024-01-01', '2024-01-21'), // 20 days
      p(3, 'interviewed', 'ICRC', '2024-02-01', '2024-03-02'), // 30 days (2024 is a leap year: 29 + 1)
      p(4, 'declined', 'ICRC'),
      p(5, 'contacted', null),
      p(6, 'identified', 'NGO'),
      p(7, 'no_response', null),
      p(8, 'withdrawn', 'NGO'),
    ];
    // Seeds 1 and 4; 1 → 2 → 3; 1 → 5; 4 → 6; 2 → 7; 3 → 8
    const edges = [e(1, 2), e(2, 3), e(1, 5), e(4, 6), e(2, 7), e(3, 8)];
    const stats = sampleStatistics(participants, edges);
    expect(stats.total).toBe(8);
    expect(stats.perCategory).toEqual([
      { key: 'NGO', count: 4 },
      { key: 'ICRC', count: 2 },
      { key: 'uncategorised', count: 2 },
    ]);
    expect(stats.perStatus.find((s) => s.key === 'interviewed')?.count).toBe(3);
    expect(stats.perStatus.reduce((sum, s) => sum + s.count, 0)).toBe(8);
    // Waves: 0 = {1,4}, 1 = {2,5,6}, 2 = {3,7}, 3 = {8}
    expect(stats.perWave).toEqual([
      { wave: 0, participants: 2, interviewed: 1 },
      { wave: 1, participants: 3, interviewed: 1 },
      { wave: 2, participants: 2, interviewed: 1 },
      { wave: 3, participants: 1, interviewed: 0 },
    ]);
    expect(stats.yieldPerSeed).toEqual([
      { seedId: 1, seed: 'P1', reached: 5, interviews: 3 },
      { seedId: 4, seed: 'P4', reached: 1, interviews: 0 },
    ]);
    // Contacted: everyone but 6 → 7. Replied: 1,2,3 (interviewed), 4 (declined), 8 (withdrawn) → 5. Accepted: 1,2,3,8 → 4.
    expect(stats.contacted).toBe(7);
    expect(stats.replied).toBe(5);
    expect(stats.accepted).toBe(4);
    expect(stats.responseRate).toBeCloseTo(5 / 7);
    expect(stats.acceptanceRate).toBeCloseTo(4 / 7);
    expect(stats.medianDaysToInterview).toBe(20);
    expect(stats.daysToInterviewN).toBe(3);
  });

  it('leaves a back-dated interview (before its identified date) out of the median', () => {
    const stats = sampleStatistics(
      [
        p(1, 'interviewed', null, '2024-01-01', '2024-01-05'),
        p(2, 'interviewed', null, '2024-05-01', '2024-04-01'),
      ],
      [],
    );
    expect([stats.medianDaysToInterview, stats.daysToInterviewN]).toEqual([4, 1]);
  });

  it('median of an even count is the mean of the middle two; none is null', () => {
    expect(median([4, 1, 10, 3])).toBe(3.5);
    expect(median([])).toBeNull();
    expect(sampleStatistics([], []).responseRate).toBeNull();
  });
});

describe('saturation curve', () => {
  it('counts codes first used in each interview, by interview date', () => {
    const curve = saturationCurve([
      { label: 'C', date: '2024-03-01', codeIds: [1, 4, 5] },
      { label: 'A', date: '2024-01-01', codeIds: [1, 2, 3, 1] },
      { label: 'B', date: '2024-02-01', codeIds: [2, 3, 4] },
      { label: 'D', date: '2024-04-01', codeIds: [1, 2] },
      { label: 'X', date: null, codeIds: [9] },
    ]);
    // A: 1,2,3 new (3). B: 4 new (1). C: 5 new (1). D: nothing new (0).
    expect(curve.points.map((p) => [p.n, p.label, p.newCodes, p.cumulativeCodes])).toEqual([
      [1, 'A', 3, 3],
      [2, 'B', 1, 4],
      [3, 'C', 1, 5],
      [4, 'D', 0, 5],
    ]);
    expect(curve.undated).toEqual(['X']);
  });
});

describe('labels, reminders, dates', () => {
  it('default labels are the next free Interview N', () => {
    expect(nextDefaultLabel([])).toBe('Interview 1');
    expect(nextDefaultLabel(['Interview 1', 'P02'])).toBe('Interview 3');
    expect(nextDefaultLabel(['interview 2', 'Interview 3'])).toBe('Interview 4');
  });

  it('renumbers default labels by interview order and keeps the user scheme', () => {
    const changes = renumberByInterviewOrder([
      { id: 1, label: 'Interview 1', interviewDate: '2024-05-01' },
      { id: 2, label: 'Interview 2', interviewDate: '2024-03-01' },
      { id: 3, label: 'P07', interviewDate: '2024-01-01' },
      { id: 4, label: 'Interview 3', interviewDate: null },
    ]);
    expect(Object.fromEntries(changes)).toEqual({ 1: 'Interview 2', 2: 'Interview 1' });
  });

  it('lists who waits longest for a reply first', () => {
    const waiting = waitingForReply(
      [
        { id: 1, label: 'A', status: 'contacted', since: '2024-01-10' },
        { id: 2, label: 'B', status: 'contacted', since: '2024-01-01' },
        { id: 3, label: 'C', status: 'agreed', since: '2023-01-01' },
      ],
      '2024-01-31',
    );
    expect(waiting).toEqual([
      { id: 2, label: 'B', since: '2024-01-01', days: 30 },
      { id: 1, label: 'A', since: '2024-01-10', days: 21 },
    ]);
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('pipeline sort and filter', () => {
  const row = (id: number, label: string, extra: Partial<ParticipantRow> = {}): ParticipantRow => ({
    id,
    label,
    categoryId: null,
    category: null,
    status: 'identified',
    wave: 0,
    referredBy: [],
    lastContact: null,
    interviewDate: null,
    interviewMode: null,
    consentVersion: null,
    consentDate: null,
    documents: [],
    ...extra,
  });
  const rows = [
    row(1, 'P10', { status: 'interviewed', interviewDate: '2024-03-01', categoryId: 1, category: 'NGO' }),
    row(2, 'P2', { status: 'contacted', wave: 1, referredBy: [{ id: 1, label: 'P10' }] }),
    row(3, 'P1', { status: 'agreed', interviewDate: '2024-01-01', wave: 2 }),
  ];

  it('sorts labels numerically, status in pipeline order, empty dates last both ways', () => {
    expect(sortRows(rows, { column: 'label', descending: false }).map((r) => r.label)).toEqual([
      'P1',
      'P2',
      'P10',
    ]);
    expect(sortRows(rows, { column: 'status', descending: false }).map((r) => r.label)).toEqual([
      'P2',
      'P1',
      'P10',
    ]);
    expect(sortRows(rows, { column: 'interviewDate', descending: true }).map((r) => r.label)).toEqual([
      'P10',
      'P1',
      'P2',
    ]);
    expect(sortRows(rows, { column: 'interviewDate', descending: false }).map((r) => r.label)).toEqual([
      'P1',
      'P10',
      'P2',
    ]);
  });

  it('filters by status, category and text in referrers', () => {
    expect(filterRows(rows, { text: '', status: 'agreed', categoryId: null }).map((r) => r.label)).toEqual([
      'P1',
    ]);
    expect(filterRows(rows, { text: '', status: '', categoryId: 1 }).map((r) => r.label)).toEqual(['P10']);
    expect(filterRows(rows, { text: 'p10', status: '', categoryId: null }).map((r) => r.label)).toEqual([
      'P10',
      'P2',
    ]);
  });
});
