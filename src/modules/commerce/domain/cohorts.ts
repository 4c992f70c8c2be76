import type { CohortFigures } from '../cohorts.contract.ts';
import { cohortKinds, type CohortKind } from './cohorts-kinds.ts';

/** What the figures are computed from: one row per customer of the report. */
export type CohortMemberFigures = {
  cohort: CohortKind;
  isComplete: boolean;
  spendAfterMinor: number;
  spendBeforeMinor: number;
  otherCurrencyOrders: number;
  hasBoughtAgain: boolean;
  hasReferred: boolean;
  wasSubscribedAtReference: boolean;
  isSubscribedAtEnd: boolean;
};

/** The middle value; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const share = (count: number, of: number) => (of === 0 ? null : count / of);

function spendOf(values: readonly number[]) {
  const total = values.reduce((a, b) => a + b, 0);
  return {
    total,
    mean: values.length === 0 ? null : total / values.length,
    median: median(values),
  };
}

/**
 * Each cohort's figures over its customers whose window is over (customers with no order count
 * as 0); customers whose window is still running are only counted, as incomplete. The ratio
 * compares each cohort's mean spend after with the baseline's.
 */
export function cohortFiguresOf(members: readonly CohortMemberFigures[]): CohortFigures[] {
  const figures = cohortKinds.map((cohort) => {
    const all = members.filter((m) => m.cohort === cohort);
    const done = all.filter((m) => m.isComplete);
    const subscribed = done.filter((m) => m.wasSubscribedAtReference);
    return {
      cohort,
      customers: done.length,
      incompleteCustomers: all.length - done.length,
      spendAfter: spendOf(done.map((m) => m.spendAfterMinor)),
      spendBefore: spendOf(done.map((m) => m.spendBeforeMinor)),
      otherCurrencyOrders: done.reduce((a, m) => a + m.otherCurrencyOrders, 0),
      ratioToBaseline: null as number | null,
      subscribedAtReference: subscribed.length,
      stillSubscribedShare: share(
        subscribed.filter((m) => m.isSubscribedAtEnd).length,
        subscribed.length,
      ),
      boughtAgainShare: share(done.filter((m) => m.hasBoughtAgain).length, done.length),
      referredShare: share(done.filter((m) => m.hasReferred).length, done.length),
    };
  });
  const baseline = figures[0]!.spendAfter.mean;
  for (const f of figures)
    f.ratioToBaseline =
      baseline === null || baseline === 0 || f.spendAfter.mean === null
        ? null
        : f.spendAfter.mean / baseline;
  return figures;
}

export { startOfLocalDay } from '../../../platform/local-day.ts';
