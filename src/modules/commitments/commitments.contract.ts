import { z } from 'zod';
import {
  isoInstant,
  optionalText,
  pageQuery,
  requiredText,
  uuid,
} from '../../platform/contract/fields.ts';
import { namesInput, namesView } from '../../platform/contract/names.ts';
import { capAmountByUnit, clockStateSchema, durationUnitSchema } from '../sla/sla.contract.ts';
import { dueInForceResults, promiseOutcomes } from './domain/ledger.ts';
import { deadlineRequestStatuses } from './domain/deadline-request.ts';

export const taskTypeInput = z.object({
  /** The name in the org's default language, as older clients send it; `names` is one per language. */
  name: requiredText(200).optional(),
  names: namesInput.optional(),
  departmentId: uuid.nullable(),
  durationAmount: z.number().int().min(1).max(10_000),
  durationUnit: durationUnitSchema,
  calendarId: uuid.nullable().default(null),
  active: z.boolean().default(true),
});
/** What the server accepts: an amount its unit allows (no task of 10,000 weeks). */
export const taskTypeRequest = taskTypeInput.superRefine(
  capAmountByUnit('durationAmount', 'durationUnit'),
);
export const taskTypeView = taskTypeInput.extend({
  id: z.string(),
  /** In the reader's language, or the org's default language when it has none. */
  name: z.string(),
  names: namesView,
  departmentName: z.string().nullable(),
  durationText: z.string(),
});
export type TaskTypeView = z.infer<typeof taskTypeView>;

export const proposalQuery = z.object({ taskTypeId: uuid });
export const proposalView = z.object({
  taskTypeId: z.string(),
  dueAt: z.string(),
  durationText: z.string(),
  calendarName: z.string(),
  timeZone: z.string(),
});

export const deadlineRequestInput = z.object({
  departmentId: uuid.optional(),
  taskTypeId: uuid.optional(),
  question: requiredText(5000),
});
export const deadlineRequestView = z.object({
  id: z.string(),
  complaintId: z.string(),
  complaintReference: z.string(),
  customerName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  requestedById: z.string().nullable(),
  requestedByName: z.string().nullable(),
  question: z.string(),
  status: z.enum(deadlineRequestStatuses),
  answerDueAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  clock: z
    .object({
      state: clockStateSchema,
      dueAt: z.string().nullable(),
      remainingSeconds: z.number().nullable(),
    })
    .nullable(),
});
export type DeadlineRequestView = z.infer<typeof deadlineRequestView>;
/** One page of deadline requests, newest first, and how many there are in all. */
export const deadlineRequestList = z.object({
  items: z.array(deadlineRequestView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DeadlineRequestList = z.infer<typeof deadlineRequestList>;
export const deadlineRequestsQuery = z.object({
  status: z.enum([...deadlineRequestStatuses, 'all']).default('open'),
  scope: z.enum(['department', 'mine', 'all']).default('department'),
  ...pageQuery,
});
export const answerDeadlineRequest = z.object({ dueAt: isoInstant, note: optionalText(5000) });

export const commitmentInput = z.object({
  dueAt: isoInstant,
  taskTypeId: uuid.nullish(),
  deadlineRequestId: uuid.nullish(),
  /** Required when changing an earlier commitment: why the date moved. */
  reason: optionalText(2000),
  /** The message to the customer; when empty, the localized standard text is sent. */
  message: optionalText(5000),
});
export const commitmentView = z.object({
  id: z.string(),
  sequence: z.number(),
  dueAt: z.string(),
  taskTypeId: z.string().nullable(),
  taskTypeName: z.string().nullable(),
  departmentId: z.string().nullable(),
  deadlineRequestId: z.string().nullable(),
  committedByName: z.string().nullable(),
  committedAt: z.string(),
  reason: z.string().nullable(),
  customerMessage: z.string().nullable(),
});
export type CommitmentView = z.infer<typeof commitmentView>;
/** Lateness as people read it: business hours under a working day, else business days. */
export const slipView = z.object({
  amount: z.number(),
  unit: z.enum(['business_hours', 'business_days']),
  /** The same lateness in calendar days, beside it. */
  calendarDays: z.number(),
});
export const promiseView = z.object({
  sequence: z.number(),
  committedAt: z.string(),
  firstDueAt: z.string(),
  dueInForce: z.string(),
  recommittedInTime: z.number(),
  outcome: z.enum(promiseOutcomes),
  dueInForceResult: z.enum(dueInForceResults).nullable(),
  fixedAt: z.string().nullable(),
  slip: slipView.nullable(),
});
export const complaintCommitmentsView = z.object({
  commitments: z.array(commitmentView),
  deadlineRequests: z.array(deadlineRequestView),
  /** The promises of the case under the ledger's definitions; the last one is in force. */
  promises: z.array(promiseView),
  outcome: z.enum(promiseOutcomes).nullable(),
  slip: slipView.nullable(),
});

export const promiseReportQuery = z.object({
  groupBy: z.enum(['agent', 'task_type', 'department']).default('agent'),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});
export const promiseReportRow = z.object({
  key: z.string().nullable(),
  name: z.string(),
  made: z.number(),
  kept: z.number(),
  reopened: z.number(),
  recommitted: z.number(),
  recommittedNewDueMet: z.number(),
  recommittedNewDueMissed: z.number(),
  broken: z.number(),
  open: z.number(),
  keptRate: z.number().nullable(),
  recommittedKeptRate: z.number().nullable(),
  /** The average lateness of the promises that were late. */
  averageSlip: slipView.nullable(),
});
export const ledgerDefinition = z.object({ term: z.string(), text: z.string() });
export const promiseReport = z.object({
  rows: z.array(promiseReportRow),
  totals: promiseReportRow,
  /** How the rate is computed, in one sentence. */
  definition: z.string(),
  /** Every figure's definition, to print beside it. */
  definitions: z.array(ledgerDefinition),
});
export const taskTypeStatsRow = z.object({
  id: z.string(),
  name: z.string(),
  standardText: z.string(),
  fixes: z.number(),
  medianBusinessHours: z.number().nullable(),
  p90BusinessHours: z.number().nullable(),
  /** The calendar's working day, in hours, used to turn hours into days. */
  workingDayHours: z.number(),
  keptRate: z.number().nullable(),
  suggested: z
    .object({ amount: z.number(), unit: durationUnitSchema, text: z.string(), share: z.number() })
    .nullable(),
});
export const taskTypeStats = z.object({
  rows: z.array(taskTypeStatsRow),
  targetShare: z.number(),
  /** The quantile method and where fix time starts, to print beside the figures. */
  method: z.string(),
});

/** GET /api/task-types. */
export const taskTypeList = z.object({ items: z.array(taskTypeView) });
