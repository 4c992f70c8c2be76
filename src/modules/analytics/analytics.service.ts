import type { Scope } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { exportTable, type ExportFormat } from '../../platform/export/table-export.ts';
import type { CommitmentService } from '../commitments/index.ts';
import type { RewardService } from '../rewards/index.ts';
import type { SlaService } from '../sla/index.ts';
import {
  casesByWeek,
  followUpDefinitions,
  followUpsByGroup,
  outcomeDefinitions,
  outcomesByWeek,
  startOfLocalDay,
  volumeByHourAndWeekday,
  type CaseFilter,
} from '../complaints/index.ts';
import type { OrgService } from '../org/index.ts';
import type { ReasonService } from '../reasons/index.ts';
import { answersBy, answersByHourAndWeekday, type AnswerDimension } from '../surveys/index.ts';
import {
  timedClocks,
  type AnalyticsChart,
  type AnalyticsQuery,
  type AnalyticsReport,
} from './analytics.contract.ts';
import { tableOf } from './analytics.tables.ts';
import { analyticsDefinitions, channelLabels, noneLabel } from './domain/definitions.ts';
import {
  addDays,
  clockWeeks,
  csatGroups,
  defaultRange,
  followUpWeeks,
  heatmapGrid,
  outcomeWeeks,
  promiseWeeks,
} from './domain/figures.ts';

export type AnalyticsDeps = {
  db: Db;
  clock: Clock;
  org: OrgService;
  reasons: ReasonService;
  commitments: Pick<CommitmentService, 'promisesByGroup'>;
  sla: Pick<SlaService, 'clockDurations'>;
  rewards: Pick<RewardService, 'rewardReport'>;
};

/** The longest range one request may read: two years of first contacts. */
const MAX_DAYS = 731;

/** Issue 12: the analytics page, composed from the figures each owning module computes. */
export function createAnalyticsService(deps: AnalyticsDeps) {
  const { db, clock, org, reasons, commitments, sla, rewards } = deps;

  async function filterOf(scope: Scope, query: AnalyticsQuery) {
    const found = await org.findOrg(db, scope.orgId);
    if (!found) throw new AppError('not_found');
    const timeZone = found.timeZone;
    const fallback = defaultRange(clock.now(), timeZone);
    const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_SPAN) : fallback.to);
    const from = query.from ?? (query.to ? addDays(query.to, -DEFAULT_SPAN) : fallback.from);
    if (to < from) throw invalidField('to');
    if (addDays(from, MAX_DAYS) <= to) throw invalidField('from');
    const filter: CaseFilter = {
      from: startOfLocalDay(from, timeZone),
      to: startOfLocalDay(addDays(to, 1), timeZone),
      timeZone,
      reasonId: query.reasonId,
      channel: query.channel,
      departmentId: query.departmentId,
    };
    return { orgId: scope.orgId, from, to, filter };
  }

  async function nameResolver(orgId: string, dimension: AnswerDimension, keys: string[]) {
    const ids = keys.filter((k) => k !== '');
    if (dimension === 'agent') return org.userNames(db, orgId, ids);
    if (dimension === 'department') return org.departmentNames(db, orgId, ids);
    return undefined;
  }

  async function report(scope: Scope, query: AnalyticsQuery, lang: Language) {
    const { orgId, from, to, filter } = await filterOf(scope, query);
    const [volume, answerCells, outcomes, reasonList, cases] = await Promise.all([
      volumeByHourAndWeekday(db, orgId, filter),
      answersByHourAndWeekday(db, orgId, filter),
      outcomesByWeek(db, orgId, filter),
      reasons.localized(orgId, lang, false),
      casesByWeek(db, orgId, filter),
    ]);
    const weekly = cases.map((c) => ({ complaintId: c.complaintId, group: c.week }));
    const [ledger, durations, followUps, spend] = await Promise.all([
      commitments.promisesByGroup(
        orgId,
        cases.map((c) => ({ complaintId: c.complaintId, group: c.week })),
        lang,
      ),
      sla.clockDurations(db, orgId, cases, timedClocks),
      followUpsByGroup(db, orgId, weekly, clock.now()),
      rewards.rewardReport(orgId, { from: filter.from, to: filter.to }, lang),
    ]);
    const reasonNames = new Map(reasonList.map((r) => [r.id, r.name]));
    const groupsOf = async (dimension: AnswerDimension) => {
      const tallies = await answersBy(db, orgId, dimension, filter);
      const names = await nameResolver(
        orgId,
        dimension,
        tallies.map((t) => t.key ?? ''),
      );
      return csatGroups(tallies, (key) => {
        if (key === null) return noneLabel[lang];
        if (dimension === 'reason') return reasonNames.get(key) ?? key;
        if (dimension === 'channel') return channelLabels[lang][key] ?? key;
        return names?.get(key) ?? key;
      });
    };
    const [reason, channel, agent, department] = await Promise.all([
      groupsOf('reason'),
      groupsOf('channel'),
      groupsOf('agent'),
      groupsOf('department'),
    ]);
    const outcomeText = outcomeDefinitions[lang];
    return {
      from,
      to,
      timeZone: filter.timeZone,
      heatmap: heatmapGrid(volume, answerCells),
      csatBy: { reason, channel, agent, department },
      firstContact: outcomeWeeks(from, to, outcomes),
      promises: promiseWeeks(from, to, ledger.groups, ledger.totals),
      times: clockWeeks(from, to, timedClocks, cases, durations),
      followUps: followUpWeeks(from, to, followUps.groups, followUps.total),
      rewards: {
        giftBudgets: spend.giftBudgets,
        compensationBudgets: spend.compensationBudgets,
        giftsByTeam: spend.giftsByTeam,
        compensationByTeam: spend.compensationByTeam,
      },
      definitions: {
        ...analyticsDefinitions[lang],
        ...outcomeText,
        promiseKept: ledger.definitions[0]!.text,
        promiseTerms: ledger.definitions,
        followUpTerms: followUpDefinitions[lang],
      },
    } satisfies AnalyticsReport;
  }

  return {
    report,

    /** One chart's numbers as a CSV or xlsx file, headed in the reader's language. */
    async exportChart(
      scope: Scope,
      chart: AnalyticsChart,
      query: AnalyticsQuery,
      format: ExportFormat,
      lang: Language,
    ) {
      return exportTable(tableOf(chart, await report(scope, query, lang)), format, lang);
    },
  };
}

/** A range given by one end only spans the default length from it. */
const DEFAULT_SPAN = 89;

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
