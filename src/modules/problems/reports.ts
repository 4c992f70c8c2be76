import type { Scope } from '../../platform/actor.ts';
import type { Language } from '../../platform/i18n.ts';
import { complaintFactsOf } from '../complaints/index.ts';
import { compensationOf } from '../rewards/index.ts';
import { dueBucket } from './domain/action-clock.ts';
import { definitions } from './domain/definitions.ts';
import { percentile, weekStartOf, addWeeks } from './domain/stats.ts';
import { recurrencesIn } from './domain/recurrence.ts';
import { isActionOpen } from './domain/status.ts';
import { textIn } from './domain/texts.ts';
import { rootCauseCategories } from './domain/vocabulary.ts';
import { actionViews, toSummary } from './problem-views.ts';
import type { ProblemReport } from './problems.contract.ts';
import type { ProblemDeps } from './problems.deps.ts';
import * as repo from './problems.repository.ts';
import * as work from './work.repository.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The quality home page and the step 8 report, each figure beside its definition. */
export function createReports(deps: Pick<ProblemDeps, 'db' | 'reportsDb' | 'clock' | 'org'>) {
  // The home page reads the database; the report reads the replica when there is one.
  const { db, reportsDb, clock, org } = deps;

  const inRange = (at: Date, from?: Date, to?: Date) =>
    (!from || at.getTime() >= from.getTime()) && (!to || at.getTime() < to.getTime());

  async function endOfWeek(orgId: string, now: Date): Promise<Date> {
    const zone = (await org.findOrg(db, orgId))?.timeZone ?? 'Asia/Ho_Chi_Minh';
    const next = addWeeks(weekStartOf(now, zone), 1);
    // The next Monday 00:00 in the org's zone, found from its UTC midnight and the zone's offset.
    const utcMidnight = new Date(`${next}T00:00:00Z`);
    const local = new Date(utcMidnight.toLocaleString('en-US', { timeZone: zone }));
    const utc = new Date(utcMidnight.toLocaleString('en-US', { timeZone: 'UTC' }));
    return new Date(utcMidnight.getTime() - (local.getTime() - utc.getTime()));
  }

  return {
    async home(scope: Scope, lang: Language) {
      const now = clock.now();
      const open = await work.listActions(db, scope.orgId, { statuses: ['open', 'in_progress'] });
      const problems = new Map(
        (
          await repo.listProblems(db, scope.orgId, {
            ids: [...new Set(open.map((a) => a.problemId))],
          })
        ).map((p) => [p.id, p]),
      );
      const live = open.filter((a) => {
        const s = problems.get(a.problemId)?.status;
        return s !== undefined && s !== 'closed' && s !== 'rejected';
      });
      const views = await actionViews(db, scope.orgId, live, now);
      const withProblem = views.map((v) => ({
        ...v,
        problemReference: problems.get(v.problemId)!.reference,
        problemTitle: textIn(problems.get(v.problemId)!.title, lang),
      }));
      const watched = await repo.listProblems(db, scope.orgId, { statuses: ['monitoring'] });
      const links = await repo.linksOf(db, scope.orgId, { problemIds: watched.map((p) => p.id) });
      const facts = new Map(
        (
          await complaintFactsOf(
            db,
            scope.orgId,
            links.map((l) => l.complaintId),
          )
        ).map((f) => [f.id, f]),
      );
      return {
        myActions: withProblem.filter((a) => a.ownerId === scope.actor.id),
        allActions: withProblem,
        monitoring: watched
          .map((p) => {
            const linked = links
              .filter((l) => l.problemId === p.id && facts.has(l.complaintId))
              .map((l) => ({
                complaintId: l.complaintId,
                receivedAt: facts.get(l.complaintId)!.receivedAt,
              }));
            const recurrences = p.monitoringStartedAt
              ? recurrencesIn(
                  { startedAt: p.monitoringStartedAt, endsAt: p.monitoringEndsAt! },
                  linked,
                ).length
              : 0;
            return {
              ...toSummary(p, lang),
              endsAt: p.monitoringEndsAt?.toISOString() ?? null,
              daysLeft: p.monitoringEndsAt
                ? Math.max(0, Math.ceil((p.monitoringEndsAt.getTime() - now.getTime()) / DAY_MS))
                : null,
              recurrences,
              threshold: p.threshold,
            };
          })
          .sort((a, b) => (a.endsAt ?? '').localeCompare(b.endsAt ?? '')),
      };
    },

    async report(
      orgId: string,
      range: { from?: Date; to?: Date },
      lang: Language,
    ): Promise<ProblemReport> {
      const now = clock.now();
      const { from, to } = range;
      const all = await repo.listProblems(reportsDb, orgId, {});
      const created = all.filter((p) => inRange(p.createdAt, from, to));
      const causes = await work.listRootCauses(
        reportsDb,
        orgId,
        created.map((p) => p.id),
      );
      const links = await repo.linksOf(reportsDb, orgId, { problemIds: all.map((p) => p.id) });
      const comp = await compensationOf(
        reportsDb,
        orgId,
        links.map((l) => l.complaintId),
      );

      // Top root causes: by linked complaints, then by what their compensation cost.
      const rows = rootCauseCategories
        .map((category) => {
          const problemIds = new Set(
            causes.filter((c) => c.category === category).map((c) => c.problemId),
          );
          const complaintIds = new Set(
            links.filter((l) => problemIds.has(l.problemId)).map((l) => l.complaintId),
          );
          const money = new Map<string, number>();
          for (const g of comp.filter((c) => complaintIds.has(c.complaintId)))
            money.set(g.currency, (money.get(g.currency) ?? 0) + g.amountMinor);
          return {
            category,
            problems: problemIds.size,
            linkedComplaints: complaintIds.size,
            compensation: [...money].map(([currency, amountMinor]) => ({ currency, amountMinor })),
          };
        })
        .filter((r) => r.problems > 0)
        .sort(
          (a, b) =>
            b.linkedComplaints - a.linkedComplaints ||
            b.compensation.reduce((s, c) => s + c.amountMinor, 0) -
              a.compensation.reduce((s, c) => s + c.amountMinor, 0) ||
            a.category.localeCompare(b.category),
        );

      // Open actions by owner and due, on problems still worked.
      const live = new Set(
        all.filter((p) => p.status !== 'closed' && p.status !== 'rejected').map((p) => p.id),
      );
      const actions = await work.listActions(reportsDb, orgId, { problemIds: [...live] });
      const weekEnd = await endOfWeek(orgId, now);
      const owners = new Map<
        string,
        {
          ownerId: string;
          ownerName: string | null;
          overdue: number;
          dueThisWeek: number;
          later: number;
        }
      >();
      for (const a of actions.filter((x) => isActionOpen(x.status))) {
        const row = owners.get(a.ownerId) ?? {
          ownerId: a.ownerId,
          ownerName: a.ownerName,
          overdue: 0,
          dueThisWeek: 0,
          later: 0,
        };
        const bucket = dueBucket(a.dueAt, now, weekEnd);
        if (bucket === 'overdue') row.overdue += 1;
        else if (bucket === 'due_this_week') row.dueThisWeek += 1;
        else row.later += 1;
        owners.set(a.ownerId, row);
      }

      // Recurrence rate over the windows that ended in the range.
      const ended = (
        await repo.listEvents(reportsDb, orgId, { kind: 'monitoring.ended', ...range })
      ).filter(
        (e) => e.data.outcome !== 'manual' || Number(e.data.recurrences) > Number(e.data.threshold),
      );
      const recurred = ended.filter((e) =>
        e.data.outcome === 'override'
          ? Number(e.data.recurrences) > 0
          : Number(e.data.recurrences) > Number(e.data.threshold),
      ).length;

      // Time from the first linked complaint to the first corrective action done.
      const done = await work.listActions(reportsDb, orgId, {
        kind: 'corrective',
        statuses: ['done'],
      });
      const facts = new Map(
        (
          await complaintFactsOf(
            reportsDb,
            orgId,
            links.map((l) => l.complaintId),
          )
        ).map((f) => [f.id, f]),
      );
      const hours: number[] = [];
      for (const p of all) {
        const firstDone = done
          .filter((a) => a.problemId === p.id)
          .map((a) => a.doneAt!.getTime())
          .sort((a, b) => a - b)[0];
        const firstComplaint = links
          .filter((l) => l.problemId === p.id && facts.has(l.complaintId))
          .map((l) => facts.get(l.complaintId)!.receivedAt.getTime())
          .sort((a, b) => a - b)[0];
        if (firstDone === undefined || firstComplaint === undefined) continue;
        if (!inRange(new Date(firstDone), from, to)) continue;
        hours.push(Math.round(((firstDone - firstComplaint) / HOUR_MS) * 10) / 10);
      }

      return {
        from: from?.toISOString() ?? null,
        to: to?.toISOString() ?? null,
        rootCauses: { definition: definitions.rootCauses[lang], rows },
        openActions: {
          definition: definitions.openActions[lang],
          rows: [...owners.values()].sort(
            (a, b) => b.overdue - a.overdue || (a.ownerName ?? '').localeCompare(b.ownerName ?? ''),
          ),
        },
        recurrenceRate: {
          definition: definitions.recurrenceRate[lang],
          windowsEnded: ended.length,
          recurred,
          rate: ended.length ? Math.round((recurred / ended.length) * 10_000) / 10_000 : null,
        },
        timeToAction: {
          definition: definitions.timeToAction[lang],
          problems: hours.length,
          medianHours: percentile(hours, 50),
          p90Hours: percentile(hours, 90),
        },
      };
    },
  };
}
