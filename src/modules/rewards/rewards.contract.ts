import { z } from 'zod';
import {
  currencySchema,
  isoDate,
  isoInstant,
  optionalText,
  requiredText,
  uuid,
} from '../../platform/contract/fields.ts';
import { roleSchema } from '../kernel/kernel.contract.ts';
import { clockStateSchema } from '../sla/sla.contract.ts';
import {
  approvalStatuses,
  budgetPeriods,
  climbReasons,
  compensationTypes,
  giftKinds,
  grantKinds,
  grantTypes,
} from './domain/vocabulary.ts';

/** Money in minor units: whole numbers (VND has no minor unit), at most ten thousand billion. */
const minor = z.number().int().min(0).max(10_000_000_000_000);
const positiveMinor = minor.min(1);

export const compensationTypeSchema = z.enum(compensationTypes);
export const grantTypeSchema = z.enum(grantTypes);
export const giftKindSchema = z.enum(giftKinds);
export const budgetPeriodSchema = z.enum(budgetPeriods);

// The gift catalogue.
export const giftInput = z.object({
  kind: giftKindSchema,
  name: requiredText(200),
  valueMinor: positiveMinor,
  currency: currencySchema,
  active: z.boolean().default(true),
});
export const giftView = giftInput.extend({ id: z.string() });
export type GiftView = z.infer<typeof giftView>;
export const giftList = z.object({ items: z.array(giftView) });

// Budgets per team and period.
export const budgetInput = z.object({
  departmentId: uuid,
  purpose: z.enum(grantKinds),
  period: budgetPeriodSchema,
  /** Any day of the period; it is stored as the period's first day. */
  periodStart: isoDate,
  currency: currencySchema,
  amountMinor: minor,
});
export const budgetView = budgetInput.extend({
  id: z.string(),
  departmentName: z.string(),
  spentMinor: z.number(),
  remainingMinor: z.number(),
});
export type BudgetView = z.infer<typeof budgetView>;
export const budgetList = z.object({ items: z.array(budgetView) });

// Authority rules.
export const authorityRuleInput = z.object({
  role: roleSchema,
  type: grantTypeSchema.nullable().default(null),
  tier: optionalText(50),
  minTenureMonths: z.number().int().min(0).max(1200).nullable().default(null),
  minValueMinor: minor.nullable().default(null),
  currency: currencySchema,
  perCaseMinor: minor.nullable().default(null),
  perPeriodMinor: minor.nullable().default(null),
  period: budgetPeriodSchema.default('month'),
  askSharePercent: z.number().int().min(0).max(100).nullable().default(null),
  active: z.boolean().default(true),
});
export const authorityRuleView = authorityRuleInput.extend({
  id: z.string(),
  tier: z.string().nullable(),
});
export type AuthorityRuleView = z.infer<typeof authorityRuleView>;
export const authorityRuleList = z.object({ items: z.array(authorityRuleView) });
export const authorityRuleDeleted = z.object({ ok: z.literal(true) });

export const rewardSettings = z.object({ giftRequiresVerification: z.boolean() });

// The ledger and approvals.
export const grantView = z.object({
  id: z.string(),
  kind: z.enum(grantKinds),
  type: grantTypeSchema,
  complaintId: z.string(),
  complaintReference: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  departmentName: z.string().nullable(),
  giftName: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  grantedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvalLevel: z.number(),
  grantedAt: z.string(),
});
export type GrantView = z.infer<typeof grantView>;

export const approvalView = z.object({
  id: z.string(),
  kind: z.enum(grantKinds),
  type: grantTypeSchema,
  complaintId: z.string(),
  complaintReference: z.string(),
  customerName: z.string(),
  giftName: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  askMinor: z.number().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  requestedById: z.string(),
  requestedByName: z.string().nullable(),
  status: z.enum(approvalStatuses),
  approverId: z.string().nullable(),
  approverName: z.string().nullable(),
  level: z.number(),
  climbs: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.enum(climbReasons),
      at: z.string(),
    }),
  ),
  decidedByName: z.string().nullable(),
  decidedAmountMinor: z.number().nullable(),
  declineReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  clock: z
    .object({
      state: clockStateSchema,
      dueAt: z.string().nullable(),
      remainingSeconds: z.number().nullable(),
    })
    .nullable(),
});
export type ApprovalView = z.infer<typeof approvalView>;
export const approvalList = z.object({ items: z.array(approvalView) });
export const approvalsQuery = z.object({
  status: z.enum([...approvalStatuses, 'all']).default('pending'),
  scope: z.enum(['mine', 'requested', 'all']).default('mine'),
});

/** A grant made at once, or a request waiting for an approver. */
export const grantOutcome = z.object({
  status: z.enum(['granted', 'pending_approval']),
  grant: grantView.nullable(),
  approval: approvalView.nullable(),
});
export type GrantOutcome = z.infer<typeof grantOutcome>;

export const giftGrantInput = z.object({
  giftId: uuid,
  /** A voucher number or code the agent types. */
  reference: optionalText(200),
  note: optionalText(2000),
});

export const compensationInput = z.object({
  type: compensationTypeSchema,
  amountMinor: positiveMinor,
  currency: currencySchema,
  reference: optionalText(200),
  note: optionalText(2000),
});

export const authorityQuery = z.object({
  type: grantTypeSchema,
  amountMinor: z.coerce.number().int().min(1).max(10_000_000_000_000),
  currency: currencySchema,
});
/** The authority decision before submitting: within the limit, or who will approve. */
export const authorityView = z.object({
  decision: z.enum(['allowed', 'needs_approval', 'refused']),
  limitMinor: z.number().nullable(),
  currency: z.string(),
  askMinor: z.number().nullable(),
  approverId: z.string().nullable(),
  approverName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuthorityView = z.infer<typeof authorityView>;

export const budgetSummary = z.object({
  id: z.string(),
  departmentName: z.string(),
  period: budgetPeriodSchema,
  periodStart: z.string(),
  currency: z.string(),
  amountMinor: z.number(),
  spentMinor: z.number(),
  remainingMinor: z.number(),
});
/** What the case page shows: may a gift be given now, from which budget, and what was given. */
export const caseRewardsView = z.object({
  giftEligibility: z.enum(['eligible', 'not_fixed', 'not_verified']),
  giftBudget: budgetSummary.nullable(),
  gifts: z.array(giftView),
  grants: z.array(grantView),
  approvals: z.array(approvalView),
  askMinor: z.number().nullable(),
  askCurrency: z.string().nullable(),
});
export type CaseRewardsView = z.infer<typeof caseRewardsView>;

export const approvalDecisionInput = z.object({
  decision: z.enum(['approve', 'decline']),
  /** Approve a different amount than asked. */
  amountMinor: positiveMinor.nullish(),
  reason: optionalText(2000),
});

export const rewardReportQuery = z.object({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});
export const rewardLedgerExportQuery = rewardReportQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
const moneyRow = z.object({
  key: z.string(),
  label: z.string(),
  currency: z.string(),
  count: z.number(),
  amountMinor: z.number(),
});
export const rewardReport = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  giftBudgets: z.array(budgetSummary),
  giftsByTeam: z.array(moneyRow),
  compensationBudgets: z.array(budgetSummary),
  compensationByTeam: z.array(moneyRow),
  compensationByType: z.array(moneyRow),
  compensationByLevel: z.array(moneyRow),
  byAgent: z.array(moneyRow.extend({ kind: z.enum(grantKinds) })),
  byReason: z.array(moneyRow.extend({ kind: z.enum(grantKinds) })),
  approvalTimes: z.object({
    decided: z.number(),
    medianMinutes: z.number().nullable(),
    p90Minutes: z.number().nullable(),
  }),
});
export type RewardReport = z.infer<typeof rewardReport>;
export const ledgerList = z.object({ items: z.array(grantView) });
