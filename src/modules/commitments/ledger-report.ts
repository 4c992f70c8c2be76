import type { Language } from '../../platform/i18n.ts';
import { businessSecondsBetween, describeTarget } from '../sla/index.ts';
import type { CommitmentDeps } from './commitments.deps.ts';
import * as repo from './commitments.repository.ts';
import { promiseOutcome, quantile, suggestDuration, totals } from './domain/ledger.ts';
import type { TaskTypes } from './task-types.ts';

/** The share of promises a standard duration should keep, for the suggested duration. */
const TARGET_SHARE = 0.9;

const definitions: Record<Language, string> = {
  vi: 'Tỷ lệ giữ cam kết = (giữ đúng hạn + giữ sau khi cam kết lại) ÷ số cam kết đã có kết quả. Cam kết gốc là lần đầu; "đúng hạn" là khắc phục trước thời hạn gốc.',
  en: 'Promise-kept rate = (kept + kept after re-commitment) ÷ promises with an outcome. The promise is the first commitment; "kept" means fixed by its original due time.',
  zh: '承诺兑现率 =（按时兑现 + 重新承诺后兑现）÷ 已有结果的承诺数。承诺以首次承诺为准；“按时”指在原定时限前解决。',
};
const noneLabel: Record<Language, string> = { vi: '(không có)', en: '(none)', zh: '（无）' };

/** The promise ledger: every promise's outcome, by agent, task type and department. */
export function createLedgerReport(
  deps: Pick<CommitmentDeps, 'db' | 'clock' | 'sla' | 'complaints' | 'org'> & {
    taskTypes: TaskTypes;
  },
) {
  const { db, clock, sla, complaints, org, taskTypes } = deps;

  /** Every promise of the org made in [from, to), with its outcome as of now. */
  async function ledger(orgId: string, range: { from?: Date; to?: Date }) {
    const rows = await repo.listCommitments(db, orgId, range);
    const byComplaint = new Map<string, repo.Commitment[]>();
    for (const r of rows)
      byComplaint.set(r.complaintId, [...(byComplaint.get(r.complaintId) ?? []), r]);
    const fixes = await complaints.fixesOf(db, orgId, [...byComplaint.keys()]);
    const now = clock.now();
    return [...byComplaint.entries()].flatMap(([complaintId, list]) => {
      const first = list[0];
      const last = list.at(-1);
      if (!first || !last || first.sequence !== 1) return [];
      const fixedAt =
        fixes.find((f) => f.complaintId === complaintId && f.at >= first.committedAt)?.at ?? null;
      const result = promiseOutcome(
        {
          originalDueAt: first.dueAt,
          latestDueAt: last.dueAt,
          commitments: list.length,
          fixedAt,
        },
        now,
      );
      return [
        {
          complaintId,
          agentId: first.committedBy,
          taskTypeId: first.taskTypeId,
          departmentId: first.departmentId,
          committedAt: first.committedAt,
          fixedAt,
          ...result,
        },
      ];
    });
  }

  async function namesFor(
    orgId: string,
    groupBy: 'agent' | 'task_type' | 'department',
    ids: string[],
  ): Promise<Map<string, string>> {
    if (groupBy === 'agent') return org.userNames(db, orgId, ids);
    if (groupBy === 'department') return org.departmentNames(db, orgId, ids);
    return new Map((await repo.listTaskTypes(db, orgId)).map((t) => [t.id, t.name]));
  }

  return {
    /** Promise-kept rate by agent, task type or department. */
    async promiseReport(
      orgId: string,
      groupBy: 'agent' | 'task_type' | 'department',
      range: { from?: Date; to?: Date },
      lang: Language,
    ) {
      const entries = await ledger(orgId, range);
      const keyOf = (e: (typeof entries)[number]) =>
        groupBy === 'agent' ? e.agentId : groupBy === 'task_type' ? e.taskTypeId : e.departmentId;
      const groups = new Map<string | null, typeof entries>();
      for (const e of entries) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
      const names = await namesFor(
        orgId,
        groupBy,
        [...groups.keys()].filter((k): k is string => k !== null),
      );
      const rows = [...groups.entries()]
        .map(([key, list]) => ({
          key,
          name: key ? (names.get(key) ?? key) : noneLabel[lang],
          ...totals(list),
        }))
        .sort((a, b) => b.made - a.made);
      return {
        rows,
        totals: { key: null, name: 'Σ', ...totals(entries) },
        definition: definitions[lang],
      };
    },

    /** Actual fix times per task type in business time, and the duration that keeps 90%. */
    async taskTypeStats(orgId: string, lang: Language) {
      const entries = (await ledger(orgId, {})).filter(
        (e) => e.fixedAt !== null && e.taskTypeId !== null,
      );
      const tasks = await taskTypes.listTaskTypes(orgId, lang);
      const rows = [];
      for (const task of tasks) {
        const mine = entries.filter((e) => e.taskTypeId === task.id);
        const { calendar } = await sla.calendarFor(db, orgId, task.calendarId);
        const hours = mine.map(
          (e) => businessSecondsBetween(e.committedAt, e.fixedAt!, calendar) / 3600,
        );
        const hoursPerDay = 8;
        const unit: 'business_days' | 'business_hours' =
          task.durationUnit === 'business_days' ? 'business_days' : 'business_hours';
        const suggested = suggestDuration(hours, TARGET_SHARE, unit, hoursPerDay);
        const t = totals(mine);
        rows.push({
          id: task.id,
          name: task.name,
          standardText: task.durationText,
          fixes: mine.length,
          medianBusinessHours: hours.length ? Math.round(quantile(hours, 0.5)! * 10) / 10 : null,
          p90BusinessHours: hours.length ? Math.round(quantile(hours, 0.9)! * 10) / 10 : null,
          keptRate: t.keptRate,
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
      return { rows, targetShare: TARGET_SHARE };
    },
  };
}
