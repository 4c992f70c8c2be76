import { z } from 'zod';
import { isoDate } from '../../platform/contract/fields.ts';
import { cohortKinds } from './domain/cohorts-kinds.ts';

export { cohortKinds, type CohortKind } from './domain/cohorts-kinds.ts';

/** GET /api/reports/cohorts: complaints first contacted from `from` (inclusive) to `to` (exclusive). */
export const cohortReportQuery = z.object({
  from: isoDate,
  to: isoDate,
  days: z.coerce.number().int().min(1).max(730).default(90),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
export type CohortReportQuery = z.infer<typeof cohortReportQuery>;

const spend = z.object({
  /** Minor units of the report's currency. */
  total: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
});

export const cohortFigures = z.object({
  cohort: z.enum(cohortKinds),
  /** Customers whose N-day window is over: every figure below is over these. */
  customers: z.number(),
  /** Customers left out because their N-day window has not ended yet. */
  incompleteCustomers: z.number(),
  spendAfter: spend,
  spendBefore: spend,
  /** Orders in the two windows of these customers in another currency, left out of spend. */
  otherCurrencyOrders: z.number(),
  /** Mean spend after / the baseline's mean spend after. */
  ratioToBaseline: z.number().nullable(),
  subscribedAtReference: z.number(),
  stillSubscribedShare: z.number().nullable(),
  boughtAgainShare: z.number().nullable(),
  referredShare: z.number().nullable(),
});
export type CohortFigures = z.infer<typeof cohortFigures>;

export const cohortDefinitionKeys = [
  'cohorts',
  'noComplaint',
  'firstContact',
  'moreContacts',
  'unresolved',
  'referenceDate',
  'customers',
  'incomplete',
  'spendAfter',
  'spendBefore',
  'mean',
  'median',
  'currency',
  'ratioToBaseline',
  'stillSubscribed',
  'boughtAgain',
  'referred',
] as const;

export const cohortReport = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number(),
  currency: z.string(),
  /** The instant the report was computed at: windows ending after it are incomplete. */
  asOf: z.string(),
  cohorts: z.array(cohortFigures),
  definitions: z.object(
    Object.fromEntries(cohortDefinitionKeys.map((k) => [k, z.string()])) as Record<
      (typeof cohortDefinitionKeys)[number],
      z.ZodString
    >,
  ),
});
export type CohortReport = z.infer<typeof cohortReport>;
