import type { Executor } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { nameIn } from '../../platform/contract/names.ts';
import {
  businessSecondsBetween,
  describeTarget,
  workingDayHours,
  type BusinessCalendar,
} from '../sla/index.ts';
import type { CommitmentDeps } from './commitments.deps.ts';
import * as repo from './commitments.repository.ts';
import { ledgerDefinitions, quantileMethod } from './domain/definitions.ts';
import {
  promisesOf,
  quantile,
  slipOf,
  suggestDuration,
  totals,
  type PromiseEntry,
} from './domain/ledger.ts';
import type { TaskTypes } from './task-types.ts';

/** The share of promises a standard duration should keep, for the suggested duration. */
const TARGET_SHARE = 0.9;

const noneLabel: Record<Language, string> = { vi: '(không có)', en: '(none)', zh: '（无）' };

export type LedgerEntry = PromiseEntry & {
  complaintId: string;
  agentId: string | null;
  taskTypeId: string | null;
  departmentId: string | null;
  calendarId: string | null;
  /** Lateness on the commitment's calendar, in seconds; null when on time. */
  lateBusinessSeconds: number | null;
  lateCalendarSeconds: number | null;
};

/** The promise ledger: every promise's outcome, by agent, task type and department. */
export function createLedgerReport(
  deps: Pick<CommitmentDeps, 'db' | 'clock' | 'sla' | 'complaints' | 'org'> & {
    taskTypes: TaskTypes;
  },
) {
  const { db, clock, sla, complaints, org, taskTypes } = deps;

  /** Promises of the given commitments (grouped by complaint), with lateness measured. */
  async function entriesOf(
    executor: Executor,
    orgId: string,
    rows: readonly repo.Commitment[],
  ): Promise<LedgerEntry[]> {
    const byComplaint = new Map<string, repo.Commitment[]>();
    for (const r of rows)
      byComplaint.set(r.complaintId, [...(byComplaint.get(r.complaintId) ?? []), r]);
    const history = await complaints.fixHistoryOf(executor, orgId, [...byComplaint.keys()]);
    const tasks = new Map((await repo.listTaskTypes(executor, orgId)).map((t) => [t.id, t]));
    const calendars = new Map<string | null, BusinessCalendar>();
    const calendarOf = async (id: string | null) => {
      if (!calendars.has(id))
        calendars.set(id, (await sla.calendarFor(executor, orgId, id)).calendar);
      return calendars.get(id)!;
    };
    const now = clock.now();
    const out: LedgerEntry[] = [];
    for (const [complaintId, list] of byComplaint) {
      const h = history.get(complaintId) ?? { fixes: [], reopens: [] };
      for (const p of promisesOf({ commitments: list, ...h }, now)) {
        const opening = list.find((c) => c.sequence === p.sequence)!;
        const calendarId = opening.taskTypeId
          ? (tasks.get(opening.taskTypeId)?.calendarId ?? null)
          : null;
        const late = p.lateUntil;
        out.push({
          ...p,
          complaintId,
          agentId: opening.committedBy,
          taskTypeId: opening.taskTypeId,
          departmentId: opening.departmentId,
          calendarId,
          lateBusinessSeconds: late
            ? businessSecondsBetween(p.dueInForce, late, await calendarOf(calendarId))
            : null,
          lateCalendarSeconds: late
            ? Math.max(0, (late.getTime() - p.dueInForce.getTime()) / 1000)
            : null,
        });
      }
    }
    return out;
  }

  /** Every promise opened in [from, to), with its outcome as of now. */
  async function ledger(orgId: string, range: { from?: Date; to?: Date }) {
    const entries = await entriesOf(db, orgId, await repo.listCommitments(db, orgId, range));
    return entries.filter(
      (e) =>
        (!range.from || e.committedAt >= range.from) && (!range.to || e.committedAt < range.to),
    );
  }

  const defaultWorkingDay = async (orgId: string) => {
    const { record } = await sla.calendarFor(db, orgId, null);
    return workingDayHours(record.weeklyHours);
  };

  function totalsOf(entries: readonly LedgerEntry[], dayHours: number) {
    const late = entries.filter((e) => e.lateBusinessSeconds !== null);
    const average = (pick: (e: LedgerEntry) => number) =>
      late.reduce((sum, e) => sum + pick(e), 0) / late.length;
    return {
      ...totals(entries),
      averageSlip:
        late.length === 0
          ? null
          : slipOf(
              average((e) => e.lateBusinessSeconds!),
              average((e) => e.lateCalendarSeconds!),
              dayHours,
            ),
    };
  }

  async function namesFor(
    orgId: string,
    groupBy: 'agent' | 'task_type' | 'department',
    ids: string[],
    lang: Language,
  ): Promise<Map<string, string>> {
    if (groupBy === 'agent') return org.userNames(db, orgId, ids);
    if (groupBy === 'department') return org.departmentNames(db, orgId, ids);
    return new Map(
      (await repo.listTaskTypes(db, orgId)).map((t) => [t.id, nameIn(t.names, lang, t.name)]),
    );
  }

  return {
    entriesOf,

    /** Promise-kept rate by agent, task type or department, with every definition. */
    async promiseReport(
      orgId: string,
      groupBy: 'agent' | 'task_type' | 'department',
      range: { from?: Date; to?: Date },
      lang: Language,
    ) {
      const [entries, dayHours] = await Promise.all([
        ledger(orgId, range),
        defaultWorkingDay(orgId),
      ]);
      const keyOf = (e: LedgerEntry) =>
        groupBy === 'agent' ? e.agentId : groupBy === 'task_type' ? e.taskTypeId : e.departmentId;
      const groups = new Map<string | null, LedgerEntry[]>();
      for (const e of entries) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
      const names = await namesFor(
        orgId,
        groupBy,
        [...groups.keys()].filter((k): k is string => k !== null),
        lang,
      );
      const rows = [...groups.entries()]
        .map(([key, list]) => ({
          key,
          name: key ? (names.get(key) ?? key) : noneLabel[lang],
          ...totalsOf(list, dayHours),
        }))
        .sort((a, b) => b.made - a.made);
      const definitions = ledgerDefinitions[lang];
      return {
        rows,
        totals: { key: null, name: 'Σ', ...totalsOf(entries, dayHours) },
        definition: definitions[0]!.text,
        definitions,
      };
    },

    /**
     * The promise-kept figures of the promises on the given cases, grouped by each case's
     * `group` (the analytics page's week of first contact), by the ledger's own definition.
     */
    async promisesByGroup(
      orgId: string,
      cases: readonly { complaintId: string; group: string }[],
      lang: Language,
    ) {
      const groupOf = new Map(cases.map((c) => [c.complaintId, c.group]));
      const rows = await repo.listCommitments(db, orgId, { complaintIds: [...groupOf.keys()] });
      const groups = new Map<string, LedgerEntry[]>();
      for (const e of await entriesOf(db, orgId, rows)) {
        const g = groupOf.get(e.complaintId)!;
        groups.set(g, [...(groups.get(g) ?? []), e]);
      }
      return {
        groups: [...groups].map(([group, list]) => ({ group, ...totals(list) })),
        totals: totals([...groups.values()].flat()),
        definitions: ledgerDefinitions[lang],
      };
    },

    /** Actual fix times per task type in business time, and the duration that keeps 90 %. */
    async taskTypeStats(orgId: string, lang: Language) {
      const entries = (await ledger(orgId, {})).filter(
        (e) => e.fixedAt !== null && e.taskTypeId !== null,
      );
      const tasks = await taskTypes.listTaskTypes(orgId, lang);
      const rows = [];
      for (const task of tasks) {
        const mine = entries.filter((e) => e.taskTypeId === task.id);
        const { record, calendar } = await sla.calendarFor(db, orgId, task.calendarId);
        const dayHours = workingDayHours(record.weeklyHours);
        // Fix time starts at the promise's first commitment and ends at the fix that counts.
        const hours = mine.map(
          (e) => businessSecondsBetween(e.committedAt, e.fixedAt!, calendar) / 3600,
        );
        const unit: 'business_days' | 'business_hours' =
          task.durationUnit === 'business_days' ? 'business_days' : 'business_hours';
        const suggested = suggestDuration(hours, TARGET_SHARE, unit, dayHours);
        rows.push({
          id: task.id,
          name: task.name,
          standardText: task.durationText,
          fixes: mine.length,
          medianBusinessHours: hours.length ? Math.round(quantile(hours, 0.5)! * 10) / 10 : null,
          p90BusinessHours: hours.length ? Math.round(quantile(hours, 0.9)! * 10) / 10 : null,
          workingDayHours: Math.round(dayHours * 100) / 100,
          keptRate: totals(mine).keptRate,
          suggested:
            suggested === null
              ? null
              : {
                  amount: suggested,
                  unit,
                  text: describeTarget({ amount: suggested, unit }, lang),
                  share: TARGET_SHARE,
                },
        });
      }
      return { rows, targetShare: TARGET_SHARE, method: quantileMethod[lang] };
    },
  };
}

export type LedgerReport = ReturnType<typeof createLedgerReport>;
