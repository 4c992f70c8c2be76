import type { Role } from '../../kernel/index.ts';
import type { BudgetPeriod, GrantType } from './vocabulary.ts';

/**
 * An authority rule: what one role may grant of one type (or of every type, `type: null`) to a
 * customer segment without asking. Each limit is optional and the tightest one holds:
 * an amount per case, an amount per agent per period, a share of the customer's ask.
 */
export type AuthorityRule = {
  id: string;
  role: Role;
  type: GrantType | null;
  /** The segment: a tier, a tenure from `customerSince`, a value; null matches every customer. */
  tier: string | null;
  minTenureMonths: number | null;
  minValueMinor: number | null;
  currency: string;
  perCaseMinor: number | null;
  perPeriodMinor: number | null;
  period: BudgetPeriod;
  askSharePercent: number | null;
  active: boolean;
};

export type AuthorityRequest = {
  role: Role;
  type: GrantType;
  amountMinor: number;
  currency: string;
  /** The customer's ask in the same currency; null when none was recorded. */
  askMinor: number | null;
  segment: { tier: string | null; tenureMonths: number | null; valueMinor: number | null };
  /** How many approvers have already said their authority was not enough (0 for the agent). */
  level?: number;
};

/** What this person has already granted this period, per rule period, in the rule's currency. */
export type SpentSoFar = Partial<Record<BudgetPeriod, number>>;

export type AuthorityDecision =
  | { kind: 'allowed'; limitMinor: number | null; ruleId: string | null }
  | { kind: 'needs_approval'; level: number; limitMinor: number }
  | { kind: 'refused'; reason: 'invalid_amount' | 'currency_mismatch' };

/** The share of the ask front-line agents may grant when no rule of theirs matches. */
export const defaultAgentAskSharePercent = 50;

/** What an agent may grant when the admin wrote no rule for them: half the ask, nothing more. */
export const defaultAgentRule = (currency: string): AuthorityRule => ({
  id: 'default',
  role: 'agent',
  type: null,
  tier: null,
  minTenureMonths: null,
  minValueMinor: null,
  currency,
  perCaseMinor: null,
  perPeriodMinor: null,
  period: 'month',
  askSharePercent: defaultAgentAskSharePercent,
  active: true,
});

const matches = (rule: AuthorityRule, request: AuthorityRequest): boolean => {
  if (!rule.active || rule.role !== request.role) return false;
  if (rule.type !== null && rule.type !== request.type) return false;
  const s = request.segment;
  if (rule.tier !== null && rule.tier !== s.tier) return false;
  if (rule.minTenureMonths !== null && (s.tenureMonths ?? -1) < rule.minTenureMonths) return false;
  if (rule.minValueMinor !== null && (s.valueMinor ?? -1) < rule.minValueMinor) return false;
  return true;
};

/** The most this rule lets the person grant now; null is no limit at all. */
export function allowanceOf(
  rule: AuthorityRule,
  askMinor: number | null,
  spent: SpentSoFar,
): number | null {
  const limits: number[] = [];
  if (rule.perCaseMinor !== null) limits.push(rule.perCaseMinor);
  if (rule.perPeriodMinor !== null)
    limits.push(Math.max(0, rule.perPeriodMinor - (spent[rule.period] ?? 0)));
  const share = rule.askSharePercent;
  // A share of an ask nobody recorded allows nothing beyond the other limits' zero.
  if (share !== null) limits.push(askMinor === null ? 0 : Math.floor((askMinor * share) / 100));
  return limits.length === 0 ? null : Math.min(...limits);
}

/**
 * Within authority, above it (the next approver up the org chart decides), or refused. Of the
 * rules that match the role, type, segment and currency, the most generous one holds. An agent
 * with no matching rule may grant half the ask (no gift); another role with none may grant
 * nothing alone: the request goes up.
 */
export function decideAuthority(
  request: AuthorityRequest,
  rules: readonly AuthorityRule[],
  spentSoFar: SpentSoFar,
): AuthorityDecision {
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0)
    return { kind: 'refused', reason: 'invalid_amount' };
  const level = (request.level ?? 0) + 1;
  const matching = rules.filter((r) => matches(r, request));
  // With no rule of their own, agents may still grant half of what the customer asks.
  if (matching.length === 0 && request.role === 'agent' && request.type !== 'gift')
    matching.push(defaultAgentRule(request.currency));
  const inCurrency = matching.filter((r) => r.currency === request.currency);
  if (matching.length > 0 && inCurrency.length === 0)
    return { kind: 'refused', reason: 'currency_mismatch' };
  let best: { rule: AuthorityRule; allowance: number | null } | undefined;
  for (const rule of inCurrency) {
    const allowance = allowanceOf(rule, request.askMinor, spentSoFar);
    if (!best || (best.allowance !== null && (allowance === null || allowance > best.allowance)))
      best = { rule, allowance };
  }
  if (!best) return { kind: 'needs_approval', level, limitMinor: 0 };
  if (best.allowance === null || request.amountMinor <= best.allowance)
    return { kind: 'allowed', limitMinor: best.allowance, ruleId: best.rule.id };
  return { kind: 'needs_approval', level, limitMinor: best.allowance };
}

/** Whole months from `customerSince` (YYYY-MM-DD) to `today` (YYYY-MM-DD); null when unknown. */
export function tenureMonths(customerSince: string | null, today: string): number | null {
  if (!customerSince) return null;
  const [y1, m1, d1] = customerSince.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split('-').map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}
