import { describe, expect, it } from 'vitest';
import { promiseOutcome, quantile, suggestDuration, totals } from './ledger.ts';

const d = (s: string) => new Date(s);

describe('promise ledger', () => {
  const original = d('2026-03-05T10:00:00Z');
  const later = d('2026-03-07T10:00:00Z');
  it.each([
    [
      'kept on time',
      {
        originalDueAt: original,
        latestDueAt: original,
        commitments: 1,
        fixedAt: d('2026-03-05T09:00:00Z'),
      },
      'kept',
      0,
    ],
    [
      'kept exactly at due',
      { originalDueAt: original, latestDueAt: original, commitments: 1, fixedAt: original },
      'kept',
      0,
    ],
    [
      'kept after re-commitment',
      {
        originalDueAt: original,
        latestDueAt: later,
        commitments: 2,
        fixedAt: d('2026-03-06T10:00:00Z'),
      },
      'kept_after_recommit',
      1,
    ],
    [
      'broken',
      {
        originalDueAt: original,
        latestDueAt: later,
        commitments: 2,
        fixedAt: d('2026-03-08T10:00:00Z'),
      },
      'broken',
      3,
    ],
    [
      'open before due',
      { originalDueAt: original, latestDueAt: later, commitments: 2, fixedAt: null },
      'open',
      0,
    ],
  ] as const)('%s', (_name, promise, outcome, slip) => {
    expect(promiseOutcome(promise, d('2026-03-06T00:00:00Z'))).toEqual({ outcome, slipDays: slip });
  });

  it('counts an unfixed promise past its latest due as broken, slipping until now', () => {
    expect(
      promiseOutcome(
        { originalDueAt: original, latestDueAt: original, commitments: 1, fixedAt: null },
        d('2026-03-07T22:00:00Z'),
      ),
    ).toEqual({ outcome: 'broken', slipDays: 2.5 });
  });

  it('rates kept promises over decided ones', () => {
    const t = totals([
      { outcome: 'kept', slipDays: 0 },
      { outcome: 'kept_after_recommit', slipDays: 1 },
      { outcome: 'broken', slipDays: 3 },
      { outcome: 'open', slipDays: 0 },
    ]);
    expect(t).toEqual({
      made: 4,
      kept: 1,
      keptAfterRecommit: 1,
      broken: 1,
      open: 1,
      keptRate: 0.667,
      averageSlipDays: 2,
    });
    expect(totals([]).keptRate).toBeNull();
  });

  it('suggests the duration that would have kept the target share', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.9)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(suggestDuration([2, 3, 4, 5, 6, 7, 8, 9, 10, 30], 0.9, 'business_hours', 8)).toBe(10);
    expect(suggestDuration([4, 8, 12, 16, 20], 0.9, 'business_days', 8)).toBe(3);
    expect(suggestDuration([1, 2], 0.9, 'business_hours', 8)).toBeNull();
  });
});
