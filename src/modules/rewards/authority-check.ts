import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { isRole } from '../kernel/index.ts';
import { decideAuthority, tenureMonths, type AuthorityDecision } from './domain/authority.ts';
import { localDate, periodStartOf, startOfLocalDay } from './domain/budget.ts';
import type { GrantKind, GrantType } from './domain/vocabulary.ts';
import * as ledger from './ledger.repository.ts';
import type { RewardDeps } from './rewards.deps.ts';
import * as repo from './rewards.repository.ts';

/** The date pg gives for a `date` column (a local-midnight Date) or a string, as YYYY-MM-DD. */
const dateText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  return String(value).slice(0, 10);
};

/**
 * Loads what an authority decision needs (the rules, the person's role, the customer's segment,
 * what the person already granted this month and quarter) and asks the pure rule.
 */
export function createAuthorityCheck(deps: Pick<RewardDeps, 'clock' | 'customers' | 'org'>) {
  const { clock, customers, org } = deps;

  return async function authorityOf(
    executor: Executor,
    orgId: string,
    input: {
      userId: string;
      kind: GrantKind;
      type: GrantType;
      amountMinor: number;
      currency: string;
      askMinor: number | null;
      customerId: string;
      timeZone: string;
      level?: number;
    },
  ): Promise<AuthorityDecision> {
    const user = await org.findUser(executor, orgId, input.userId);
    if (!user || !isRole(user.role)) throw new AppError('forbidden');
    const today = localDate(clock.now(), input.timeZone);
    const since = (period: 'month' | 'quarter') =>
      startOfLocalDay(periodStartOf(today, period), input.timeZone);
    const [rules, customer, month, quarter] = await Promise.all([
      repo.listRules(executor, orgId),
      customers.getCustomer(executor, orgId, input.customerId),
      ledger.spentBy(executor, orgId, input.userId, input.kind, input.currency, since('month')),
      ledger.spentBy(executor, orgId, input.userId, input.kind, input.currency, since('quarter')),
    ]);
    return decideAuthority(
      {
        role: user.role,
        type: input.type,
        amountMinor: input.amountMinor,
        currency: input.currency,
        askMinor: input.askMinor,
        // No orders are held yet, so a customer's value is unknown and value rules do not match.
        segment: {
          tier: customer.tier,
          tenureMonths: tenureMonths(dateText(customer.customerSince), today),
          valueMinor: null,
        },
        level: input.level ?? 0,
      },
      rules,
      { month, quarter },
    );
  };
}

export type AuthorityOf = ReturnType<typeof createAuthorityCheck>;
