import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import type { ClockKind } from '../kernel/index.ts';
import type { ClockInput, ClockTimer, StepDues } from '../sla/index.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import * as repo from './complaints.repository.ts';
import { clockEventTypes, toClockEvents } from './domain/clock-events.ts';
import * as events from './events.repository.ts';

/** The due of each clock still running (or about to start) towards a time after `now`. */
export function customerDuesOf(
  clocks: readonly { clock: ClockKind; state: string; dueAt: Date | null }[],
  now: Date,
): Partial<Record<ClockKind, Date>> {
  const dues: Partial<Record<ClockKind, Date>> = {};
  for (const c of clocks)
    if ((c.state === 'running' || c.state === 'pending') && c.dueAt && c.dueAt > now)
      dues[c.clock] = c.dueAt;
  return dues;
}

/**
 * The complaint's side of the clocks: it gives the sla module the case's history and stores the
 * due summary sla returns, in the same transaction as the change. sla never reads complaints.
 */
export function createComplaintClocks(deps: Pick<ComplaintDeps, 'db' | 'sla'>) {
  const { db, sla } = deps;

  async function inputOf(
    executor: Executor,
    orgId: string,
    id: string,
  ): Promise<ClockInput | undefined> {
    const facts = await repo.findClockFacts(executor, orgId, id);
    if (!facts) return undefined;
    // An imported case runs no clocks: derived from its past, they would only warn and escalate
    // for what another system handled. With no receipt, every clock stays pending.
    const history = facts.imported_at
      ? []
      : await events.listEvents(executor, orgId, id, { types: clockEventTypes });
    return {
      orgId,
      complaintId: id,
      reference: facts.reference,
      customerName: facts.customer_name,
      ownerId: facts.owner_id,
      intakeAgentId: facts.intake_agent_id,
      reasonId: facts.reason_id,
      severity: facts.severity,
      channel: facts.channel,
      customerTier: facts.tier,
      policyId: facts.policy_id,
      events: toClockEvents(
        history.map((e) => ({
          type: e.type,
          at: e.createdAt,
          actorType: e.actorType,
          data: e.data,
        })),
      ),
    };
  }

  /**
   * Re-derives the clocks after a change and stores what the queue sorts by; returns the dues
   * of step 6's clocks, which its follow-up tasks carry.
   */
  async function refresh(tx: Tx, orgId: string, id: string): Promise<StepDues | undefined> {
    const input = await inputOf(tx, orgId, id);
    if (!input) return undefined;
    const summary = await sla.evaluate(tx, input);
    await repo.setDueSummary(tx, orgId, id, summary);
    return summary.stepDues;
  }

  return {
    refresh,

    /** The SLA policy the case runs on now, if any. */
    async policyOf(executor: Executor, orgId: string, id: string) {
      const input = await inputOf(executor, orgId, id);
      return input ? sla.policyOf(executor, input) : undefined;
    },

    /** A warning, breach or escalation timer that sla set for this complaint. */
    async onTimer(timer: ClockTimer): Promise<void> {
      await db.transaction().execute(async (tx) => {
        // Serialised with every change to the case: the clocks are derived and stored once.
        if (!(await repo.lockComplaint(tx, timer.orgId, timer.complaintId))) return;
        const input = await inputOf(tx, timer.orgId, timer.complaintId);
        if (!input) return;
        const summary = await sla.fire(tx, input, timer);
        if (summary) await repo.setDueSummary(tx, timer.orgId, timer.complaintId, summary);
      });
    },

    /** After a policy or calendar change: every open complaint of the org, in batches. */
    async recomputeOrg(orgId: string): Promise<number> {
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const ids = await repo.openComplaintIds(db, orgId, after, 200);
        if (ids.length === 0) return total;
        // One short transaction per case, each holding that case's lock, so a recompute never
        // holds a page of cases while agents work on them.
        for (const id of ids)
          await db.transaction().execute(async (tx) => {
            if (await repo.lockComplaint(tx, orgId, id)) await refresh(tx, orgId, id);
          });
        total += ids.length;
        after = ids.at(-1) ?? null;
      }
    },

    /**
     * The due times the customer may be told of: each clock still running (or about to start)
     * towards a time after now, in the zone of the calendar it runs on. With `asIfRespondedAt`,
     * as they will be once the message being written has gone out (it is a response).
     */
    async customerDues(
      executor: Executor,
      orgId: string,
      id: string,
      now: Date,
      options: { asIfRespondedAt?: Date } = {},
    ): Promise<{ timeZone: string | null; dues: Partial<Record<ClockKind, Date>> }> {
      const input = await inputOf(executor, orgId, id);
      if (!input) return { timeZone: null, dues: {} };
      if (options.asIfRespondedAt)
        input.events.push({
          type: 'response',
          at: options.asIfRespondedAt,
          actorType: 'user',
          data: {},
        });
      const view = await sla.describe(executor, input, 'en');
      return {
        timeZone: view.policy?.timeZone ?? null,
        dues: customerDuesOf(
          view.clocks.map((c) => ({ ...c, dueAt: c.dueAt ? new Date(c.dueAt) : null })),
          now,
        ),
      };
    },

    /** The live clocks of one complaint, derived now. */
    async describe(orgId: string, id: string, lang: Language) {
      const input = await inputOf(db, orgId, id);
      if (!input) throw new AppError('not_found');
      return sla.describe(db, input, lang);
    },
  };
}

export type ComplaintClocks = ReturnType<typeof createComplaintClocks>;
