import { z } from 'zod';
import { isoDate, uuid } from '../../platform/contract/fields.ts';
import { channels } from '../kernel/index.ts';
import { rewardReport } from '../rewards/rewards.contract.ts';

/** The page's filters: first-contact days in the org's zone (default the last 90), and more. */
export const analyticsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  reasonId: uuid.optional(),
  channel: z.enum(channels).optional(),
  departmentId: uuid.optional(),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

export const analyticsCharts = [
  'volume_heatmap',
  'csat_heatmap',
  'csat_by_reason',
  'csat_by_channel',
  'csat_by_agent',
  'csat_by_department',
  'first_contact',
  'promises',
  'times',
  'follow_ups',
  'budgets',
] as const;

/** The clocks whose times the page shows. */
export const timedClocks = ['acknowledge', 'first_response', 'fix'] as const;
export type TimedClock = (typeof timedClocks)[number];
export type AnalyticsChart = (typeof analyticsCharts)[number];

export const analyticsExportQuery = analyticsQuery.extend({ format: z.enum(['csv', 'xlsx']) });

const heatCell = z.object({
  /** ISO weekday, 1 Monday .. 7 Sunday. */
  weekday: z.number(),
  hour: z.number(),
  complaints: z.number(),
  answers: z.number(),
  /** Null when the cell has no answer: empty, not 0. */
  csatMean: z.number().nullable(),
});
const csatGroup = z.object({
  key: z.string().nullable(),
  name: z.string(),
  answers: z.number(),
  csatMean: z.number(),
  satisfiedShare: z.number(),
});
const outcomeWeek = z.object({
  week: isoDate,
  complaints: z.number(),
  firstContact: z.number(),
  moreContacts: z.number(),
  unresolved: z.number(),
  /** Null when no complaint was first contacted that week. */
  rate: z.number().nullable(),
});

const promiseTotals = z.object({
  made: z.number(),
  kept: z.number(),
  reopened: z.number(),
  recommitted: z.number(),
  broken: z.number(),
  open: z.number(),
  /** kept ÷ promises with an outcome (the ledger's definition); null when none has one. */
  keptRate: z.number().nullable(),
});

const clockTime = z.object({
  /** Cases whose clock started and stopped. */
  measured: z.number(),
  /** Cases of the week without a stopped clock of this kind (still running, or none). */
  notStopped: z.number(),
  medianBusinessMinutes: z.number().nullable(),
  p90BusinessMinutes: z.number().nullable(),
});
const clockTimes = z.object({
  acknowledge: clockTime,
  first_response: clockTime,
  fix: clockTime,
});

const followUpFigures = z.object({
  /** Manager's updates of fixes (cancelled ones left out). */
  updates: z.number(),
  updatesOnTime: z.number(),
  updatesLate: z.number(),
  updatesMissing: z.number(),
  updatesOpen: z.number(),
  /** On time ÷ updates with an outcome; null when none has one. */
  updateComplianceRate: z.number().nullable(),
  callBacks: z.number(),
  callBacksWorking: z.number(),
  callBacksEnded: z.number(),
  callBacksOpen: z.number(),
  /** Working ÷ ended call-backs; null when none ended. */
  verificationRate: z.number().nullable(),
});

export const analyticsReport = z.object({
  from: isoDate,
  to: isoDate,
  timeZone: z.string(),
  heatmap: z.array(heatCell),
  csatBy: z.object({
    reason: z.array(csatGroup),
    channel: z.array(csatGroup),
    agent: z.array(csatGroup),
    department: z.array(csatGroup),
  }),
  firstContact: z.object({ weeks: z.array(outcomeWeek), total: outcomeWeek.omit({ week: true }) }),
  promises: z.object({
    weeks: z.array(promiseTotals.extend({ week: isoDate })),
    total: promiseTotals,
  }),
  times: z.object({ weeks: z.array(clockTimes.extend({ week: isoDate })), total: clockTimes }),
  followUps: z.object({
    weeks: z.array(followUpFigures.extend({ week: isoDate })),
    total: followUpFigures,
  }),
  /** The rewards report's own figures over the range (by grant date; no other filter). */
  rewards: rewardReport.pick({
    giftBudgets: true,
    compensationBudgets: true,
    giftsByTeam: true,
    compensationByTeam: true,
  }),
  definitions: z.object({
    range: z.string(),
    volumeHeatmap: z.string(),
    csatHeatmap: z.string(),
    csatBy: z.string(),
    fcrRate: z.string(),
    contact: z.string(),
    firstContact: z.string(),
    moreContacts: z.string(),
    unresolved: z.string(),
    promises: z.string(),
    times: z.string(),
    followUps: z.string(),
    rewards: z.string(),
    customerEffort: z.string(),
    followUpTerms: z.array(z.object({ term: z.string(), text: z.string() })),
    promiseKept: z.string(),
    promiseTerms: z.array(z.object({ term: z.string(), text: z.string() })),
  }),
});
export type AnalyticsReport = z.infer<typeof analyticsReport>;
