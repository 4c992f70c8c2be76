import { describe, expect, it } from 'vitest';
import {
  promisesOf,
  quantile,
  slipOf,
  suggestDuration,
  totals,
  type CaseHistory,
  type CommitmentFact,
} from './ledger.ts';

// Days of March 2026 at 10:00 UTC: day(5) is 5 March.
const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 2, n, hour));
const commit = (
  sequence: number,
  committedAt: Date,
  dueAt: Date,
  pauseFrom: Date | null = null,
): CommitmentFact => ({
  sequence,
  committedAt,
  dueAt,
  pauseFrom,
});
const history = (h: Partial<CaseHistory>): CaseHistory => ({
  commitments: [],
  fixes: [],
  reopens: [],
  ...h,
});
const now = day(20);

describe('promisesOf: one outcome per promise', () => {
  it.each([
    [
      'kept: fixed by the first due',
      history({ commitments: [commit(1, day(1), day(5))], fixes: [day(4)] }),
      'kept',
      null,
    ],
    [
      'kept exactly at the due',
      history({ commitments: [commit(1, day(1), day(5))], fixes: [day(5)] }),
      'kept',
      null,
    ],
    [
      'broken: fixed after the due',
      history({ commitments: [commit(1, day(1), day(5))], fixes: [day(6)] }),
      'broken',
      null,
    ],
    [
      'broken: not fixed, the due has passed',
      history({ commitments: [commit(1, day(1), day(5))] }),
      'broken',
      null,
    ],
    [
      'open: not fixed, before the due',
      history({ commitments: [commit(1, day(1), day(25))] }),
      'open',
      null,
    ],
    [
      're-committed in time, the new due met',
      history({
        commitments: [commit(1, day(1), day(5)), commit(2, day(4), day(8))],
        fixes: [day(7)],
      }),
      'recommitted',
      'met',
    ],
    [
      'an earlier re-promise that is then missed is not kept',
      history({
        commitments: [commit(1, day(1), day(5)), commit(2, day(4), day(8))],
        fixes: [day(9)],
      }),
      'recommitted',
      'missed',
    ],
    [
      're-committed in time, but fixed by the first due after all: kept',
      history({
        commitments: [commit(1, day(1), day(5)), commit(2, day(3), day(8))],
        fixes: [day(4)],
      }),
      'kept',
      null,
    ],
    [
      'reopened: fixed in time, reopened, fixed again late; the last fix counts',
      history({
        commitments: [commit(1, day(1), day(5))],
        fixes: [day(3), day(7)],
        reopens: [day(4)],
      }),
      'reopened',
      'missed',
    ],
    [
      'reopened, then fixed again in time: still not kept',
      history({
        commitments: [commit(1, day(1), day(5))],
        fixes: [day(2), day(4)],
        reopens: [day(3)],
      }),
      'reopened',
      'met',
    ],
    [
      'a pause re-commitment counts as made when the pause began, before the due',
      history({
        commitments: [commit(1, day(1), day(5)), commit(2, day(7), day(9), day(4))],
        fixes: [day(8)],
      }),
      'recommitted',
      'met',
    ],
  ])('%s', (_, h, outcome, result) => {
    const [promise, ...rest] = promisesOf(h, now);
    expect(rest).toEqual([]);
    expect(promise).toMatchObject({ outcome, dueInForceResult: result });
  });

  it('a re-commitment after the due has passed breaks the first promise and opens a new one', () => {
    const promises = promisesOf(
      history({
        commitments: [commit(1, day(1), day(5)), commit(2, day(6), day(9))],
        fixes: [day(8)],
      }),
      now,
    );
    expect(
      promises.map((p) => [p.sequence, p.outcome, p.lateUntil?.toISOString() ?? null]),
    ).toEqual([
      [1, 'broken', day(6).toISOString()],
      [2, 'kept', null],
    ]);
  });

  it('measures lateness to the standing fix, or to now while unfixed', () => {
    const [late] = promisesOf(
      history({ commitments: [commit(1, day(1), day(5))], fixes: [day(7)] }),
      now,
    );
    expect(late!.lateUntil).toEqual(day(7));
    const [unfixed] = promisesOf(history({ commitments: [commit(1, day(1), day(5))] }), now);
    expect(unfixed!.lateUntil).toEqual(now);
    // Reopened and not fixed again: no fix stands, so it is late until now.
    const [undone] = promisesOf(
      history({ commitments: [commit(1, day(1), day(5))], fixes: [day(3)], reopens: [day(4)] }),
      now,
    );
    expect(undone).toMatchObject({ outcome: 'reopened', fixedAt: null, lateUntil: now });
  });
});

describe('totals', () => {
  it('rates kept promises over those with an outcome, and reports re-commitments beside it', () => {
    const entries = [
      { outcome: 'kept', dueInForceResult: null },
      { outcome: 'kept', dueInForceResult: null },
      { outcome: 'kept', dueInForceResult: null },
      { outcome: 'recommitted', dueInForceResult: 'met' },
      { outcome: 'recommitted', dueInForceResult: 'missed' },
      { outcome: 'recommitted', dueInForceResult: 'open' },
      { outcome: 'reopened', dueInForceResult: 'met' },
      { outcome: 'broken', dueInForceResult: null },
      { outcome: 'broken', dueInForceResult: null },
      { outcome: 'broken', dueInForceResult: null },
      { outcome: 'open', dueInForceResult: null },
    ] as const;
    expect(totals(entries)).toEqual({
      made: 11,
      kept: 3,
      reopened: 1,
      recommitted: 3,
      recommittedNewDueMet: 1,
      recommittedNewDueMissed: 1,
      broken: 3,
      open: 1,
      keptRate: 0.3,
      recommittedKeptRate: 0.5,
    });
    expect(totals([]).keptRate).toBeNull();
  });

  it('no longer lets "kept after re-commitment" lift the rate: 3 of 10 first dues kept is 30 %', () => {
    const entries = [
      ...Array.from({ length: 3 }, () => ({ outcome: 'kept' as const, dueInForceResult: null })),
      ...Array.from({ length: 2 }, () => ({
        outcome: 'recommitted' as const,
        dueInForceResult: 'met' as const,
      })),
      ...Array.from({ length: 5 }, () => ({ outcome: 'broken' as const, dueInForceResult: null })),
    ];
    expect(totals(entries).keptRate).toBe(0.3);
  });
});

describe('quantile, suggested duration and slip', () => {
  it('uses the nearest rank, no interpolation', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.9)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('converts hours to days with the calendar’s own working day', () => {
    expect(suggestDuration([2, 3, 4, 5, 6, 7, 8, 9, 10, 30], 0.9, 'business_hours', 8)).toBe(10);
    expect(suggestDuration([4, 8, 12, 16, 20], 0.9, 'business_days', 8)).toBe(3);
    expect(suggestDuration([4, 8, 12, 16, 20], 0.9, 'business_days', 10)).toBe(2);
    expect(suggestDuration([1, 2], 0.9, 'business_hours', 8)).toBeNull();
  });

  it('labels slip in business hours under a working day, in business days above, with calendar days', () => {
    // 31 business minutes over a weekend: not "2.6 days".
    expect(slipOf(31 * 60, 2.6 * 86_400, 8)).toEqual({
      amount: 0.5,
      unit: 'business_hours',
      calendarDays: 2.6,
    });
    expect(slipOf(12 * 3600, 3 * 86_400, 8)).toEqual({
      amount: 1.5,
      unit: 'business_days',
      calendarDays: 3,
    });
  });
});
