import type { BudgetPeriod } from './vocabulary.ts';

/** A team's money for one period. */
export type Budget = {
  id: string;
  departmentId: string;
  period: BudgetPeriod;
  /** The first day of the period, YYYY-MM-DD, in the org's time zone. */
  periodStart: string;
  currency: string;
  amountMinor: number;
  spentMinor: number;
};

export type BudgetDecision =
  | { kind: 'ok'; remainingAfterMinor: number }
  | { kind: 'refused'; reason: 'no_budget' | 'currency_mismatch' | 'over_budget' };

/** The date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The first day of the month or quarter that holds `date` (YYYY-MM-DD). */
export function periodStartOf(date: string, period: BudgetPeriod): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const month = period === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(month).padStart(2, '0')}-01`;
}

/** The day after the period that starts on `start`. */
export function periodEndOf(start: string, period: BudgetPeriod): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const next = m - 1 + (period === 'month' ? 1 : 3);
  return `${y + Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`;
}

/** Of a team's budgets, the one that holds `date`; a month's is preferred to a quarter's. */
export function budgetFor<B extends Budget>(budgets: readonly B[], date: string): B | undefined {
  const holding = budgets.filter(
    (b) => b.periodStart <= date && date < periodEndOf(b.periodStart, b.period),
  );
  return holding.find((b) => b.period === 'month') ?? holding[0];
}

export const remainingOf = (b: Pick<Budget, 'amountMinor' | 'spentMinor'>): number =>
  Math.max(0, b.amountMinor - b.spentMinor);

/** Whether a grant of `amountMinor` fits what is left of the budget. */
export function decideBudget(
  budget: Budget | undefined,
  amountMinor: number,
  currency: string,
): BudgetDecision {
  if (!budget) return { kind: 'refused', reason: 'no_budget' };
  if (budget.currency !== currency) return { kind: 'refused', reason: 'currency_mismatch' };
  const remaining = budget.amountMinor - budget.spentMinor;
  if (amountMinor > remaining) return { kind: 'refused', reason: 'over_budget' };
  return { kind: 'ok', remainingAfterMinor: remaining - amountMinor };
}

export { startOfLocalDay } from '../../../platform/local-day.ts';
