import { describe, expect, it } from 'vitest';
import { cohortFiguresOf, median, startOfLocalDay, type CohortMemberFigures } from './cohorts.ts';

const member = (over: Partial<CohortMemberFigures>): CohortMemberFigures => ({
  cohort: 'no_complaint',
  isComplete: true,
  spendAfterMinor: 0,
  spendBeforeMinor: 0,
  otherCurrencyOrders: 0,
  hasBoughtAgain: false,
  hasReferred: false,
  wasSubscribedAtReference: false,
  isSubscribedAtEnd: false,
  ...over,
});

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[0, 0, 10], 0],
  ])('of %j is %s', (values, expected) => expect(median(values)).toBe(expected));
});

describe('cohort figures', () => {
  it('leaves out unfinished windows, counts customers without orders as 0, and compares with the baseline', () => {
    const figures = cohortFiguresOf([
      member({ spendAfterMinor: 100 }),
      member({ spendAfterMinor: 300, isComplete: false }),
      member({ cohort: 'unresolved', spendAfterMinor: 30, wasSubscribedAtReference: true }),
      member({ cohort: 'unresolved' }),
    ]);
    expect(figures.map((f) => f.cohort)).toEqual([
      'no_complaint',
      'first_contact',
      'more_contacts',
      'unresolved',
    ]);
    expect(figures[0]).toMatchObject({ customers: 1, incompleteCustomers: 1, ratioToBaseline: 1 });
    expect(figures[1]).toMatchObject({
      customers: 0,
      ratioToBaseline: null,
      boughtAgainShare: null,
    });
    expect(figures[3]).toMatchObject({
      customers: 2,
      spendAfter: { total: 30, mean: 15, median: 15 },
      ratioToBaseline: 0.15,
      subscribedAtReference: 1,
      stillSubscribedShare: 0,
    });
  });

  it('gives no ratio when the baseline spent nothing', () => {
    const figures = cohortFiguresOf([
      member({}),
      member({ cohort: 'first_contact', spendAfterMinor: 5 }),
    ]);
    expect(figures[1]!.ratioToBaseline).toBeNull();
  });
});

describe('start of a local day', () => {
  it('is midnight in the zone', () => {
    expect(startOfLocalDay('2026-01-01', 'Asia/Ho_Chi_Minh').toISOString()).toBe(
      '2025-12-31T17:00:00.000Z',
    );
    expect(startOfLocalDay('2026-03-29', 'Europe/London').toISOString()).toBe(
      '2026-03-29T00:00:00.000Z',
    );
  });
});
