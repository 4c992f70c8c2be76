import type { Clock } from '../../platform/clock.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ClockKind } from '../kernel/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { OrgService } from '../org/index.ts';
import { cachedCalendar } from './calendar-cache.ts';
import {
  choosePolicy,
  describeTarget,
  escalationAt,
  evaluateClocks,
  evaluateSimpleClock,
  nextDue,
  type BusinessCalendar,
  type ClockEvent,
  type ClockPolicy,
  type ClockState,
} from './domain/index.ts';
import type { ClockStateView, ComplaintClocksView, PolicyView } from './sla.contract.ts';
import { clockTimer, type ClockTimer } from './sla.jobs.ts';
import * as repo from './sla.repository.ts';

/** What the clocks need to know of a complaint; the complaints module gives it. */
export type ClockInput = {
  orgId: string;
  complaintId: string;
  reference: string;
  ownerId: string | null;
  intakeAgentId: string | null;
  reasonId: string | null;
  severity: string;
  channel: string;
  customerTier: string | null;
  /** The policy chosen before; it stays while it is active, so a case keeps its targets. */
  policyId: string | null;
  events: ClockEvent[];
};

/**
 * What a queue sorts and filters by: the policy in force and the nearest due of the running
 * clocks. The complaints module stores it on the complaint; the truth is always re-derived.
 */
export type DueSummary = {
  policyId: string | null;
  nextDueAt: Date | null;
  nextDueClock: ClockKind | null;
  isBreached: boolean;
  isPaused: boolean;
};

const noPolicy: DueSummary = {
  policyId: null,
  nextDueAt: null,
  nextDueClock: null,
  isBreached: false,
  isPaused: false,
};

const toClockPolicy = (p: PolicyView): ClockPolicy => ({
  targets: p.targets,
  warnAtPercent: p.warnAtPercent,
  pauseStatuses: p.pauseStatuses,
  pausedClocks: p.pausedClocks,
  startRule: p.startRule,
  pauseMovesCommitment: p.pauseMovesCommitment,
});

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export type ClockEngine = ReturnType<typeof createClockEngine>;

export function createClockEngine(deps: {
  clock: Clock;
  jobs: JobQueue;
  notices: NoticesService;
  org: OrgService;
}) {
  const { clock, jobs, notices, org } = deps;

  async function contextOf(executor: Executor, input: ClockInput) {
    const policies = await repo.listPolicies(executor, input.orgId);
    const policy =
      (input.policyId ? policies.find((p) => p.id === input.policyId && p.active) : undefined) ??
      choosePolicy(policies, input);
    if (!policy) return undefined;
    const record = await repo.findCalendar(executor, input.orgId, policy.calendarId);
    if (!record) return undefined;
    return { policy, record, calendar: cachedCalendar(record, clock.now()) };
  }

  const statesOf = (input: ClockInput, policy: PolicyView, calendar: BusinessCalendar) =>
    evaluateClocks(input.events, toClockPolicy(policy), calendar, clock.now());

  /** The timers that will warn and escalate each running clock, keyed so each fires once. */
  function timersOf(
    input: ClockInput,
    policy: PolicyView,
    calendar: BusinessCalendar,
    states: readonly ClockState[],
  ) {
    const timers: { payload: ClockTimer; runAt: Date; key: string }[] = [];
    for (const s of states) {
      if (s.stoppedAt !== null || !s.dueAt || (s.state !== 'running' && s.state !== 'breached'))
        continue;
      const base = `${input.complaintId}:${s.clock}:${s.dueAt.toISOString()}`;
      const payload = {
        orgId: input.orgId,
        complaintId: input.complaintId,
        clock: s.clock,
        dueAt: s.dueAt.toISOString(),
      };
      if (s.warnAt && s.warnAt > clock.now())
        timers.push({
          payload: { ...payload, step: 'warn', level: 0 },
          runAt: s.warnAt,
          key: `${base}:warn`,
        });
      timers.push({
        payload: { ...payload, step: 'breach', level: 0 },
        runAt: s.dueAt,
        key: `${base}:breach`,
      });
      for (const e of policy.escalation)
        timers.push({
          payload: { ...payload, step: 'escalate', level: e.level },
          runAt: escalationAt(s.dueAt, e, calendar),
          key: `${base}:escalate:${e.level}`,
        });
    }
    return timers;
  }

  /**
   * Derives the clocks of one complaint from its events, stores their state, schedules the
   * timers that will warn and escalate, and returns the summary a queue sorts by. Runs in the
   * caller's transaction, after every change.
   */
  async function evaluate(tx: Tx, input: ClockInput): Promise<DueSummary> {
    const context = await contextOf(tx, input);
    if (!context) {
      await repo.replaceClocks(tx, input.orgId, input.complaintId, []);
      return noPolicy;
    }
    const states = statesOf(input, context.policy, context.calendar);
    await repo.replaceClocks(tx, input.orgId, input.complaintId, states);
    await jobs.enqueueMany(
      tx,
      clockTimer,
      timersOf(input, context.policy, context.calendar, states),
    );
    const next = nextDue(states);
    return {
      policyId: context.policy.id,
      nextDueAt: next?.dueAt ?? null,
      nextDueClock: next?.clock ?? null,
      isBreached: states.some((s) => s.state === 'breached' && s.stoppedAt === null),
      isPaused: states.some((s) => s.state === 'paused'),
    };
  }

  /**
   * A timer fired. The clock is derived again now: if its due moved, it stopped or it paused, the
   * timer does nothing (a newer timer covers the new due). A breach or escalation also stores the
   * new state (time passing is a change too); the summary to store is returned then.
   */
  async function fire(
    tx: Tx,
    input: ClockInput,
    timer: ClockTimer,
  ): Promise<DueSummary | undefined> {
    const context = await contextOf(tx, input);
    if (!context) return undefined;
    const state = statesOf(input, context.policy, context.calendar).find(
      (s) => s.clock === timer.clock,
    );
    const summary = timer.step === 'warn' ? undefined : await evaluate(tx, input);
    if (!state || state.stoppedAt !== null || state.dueAt?.toISOString() !== timer.dueAt)
      return summary;
    if (timer.step === 'warn' ? state.state !== 'running' : state.state !== 'breached')
      return summary;
    const owner = input.ownerId ?? input.intakeAgentId;
    if (!owner) return summary;
    const dedupeKey = `${input.complaintId}:${timer.clock}:${timer.dueAt}:${timer.step}:${timer.level}`;
    const data = {
      reference: input.reference,
      clock: timer.clock,
      dueAt: timer.dueAt,
      level: timer.level,
    };
    if (timer.step === 'escalate') {
      const target = (await org.managerChain(input.orgId, owner))[timer.level - 1];
      if (target)
        await notices.notify(tx, {
          orgId: input.orgId,
          userId: target.id,
          kind: 'escalation',
          complaintId: input.complaintId,
          dedupeKey,
          data: { ...data, ownerId: owner },
        });
      return summary;
    }
    await notices.notify(tx, {
      orgId: input.orgId,
      userId: owner,
      kind: timer.step === 'warn' ? 'sla_warning' : 'sla_breach',
      complaintId: input.complaintId,
      dedupeKey,
      data,
    });
    return summary;
  }

  function stateView(s: ClockState, policy: PolicyView, lang: Language): ClockStateView {
    const target = policy.targets[s.clock];
    return {
      clock: s.clock,
      state: s.state,
      startedAt: iso(s.startedAt),
      dueAt: iso(s.dueAt),
      warnAt: iso(s.warnAt),
      stoppedAt: iso(s.stoppedAt),
      remainingSeconds: s.remainingSeconds,
      usedPercent: s.usedPercent,
      target: target ? describeTarget(target, lang) : null,
      pauses: s.pauses.map((p) => ({ from: p.from.toISOString(), to: iso(p.to) })),
    };
  }

  return {
    evaluate,
    fire,

    /** The policy a case runs on now (for the choices it makes: pauses, the read-back). */
    policyOf: async (executor: Executor, input: ClockInput) =>
      (await contextOf(executor, input))?.policy,

    /** The live clocks of one complaint, derived now (not read from the stored due times). */
    async describe(
      executor: Executor,
      input: ClockInput,
      lang: Language,
    ): Promise<ComplaintClocksView> {
      const context = await contextOf(executor, input);
      if (!context) return { policy: null, clocks: [], nextDue: null };
      const states = statesOf(input, context.policy, context.calendar);
      const next = nextDue(states);
      return {
        policy: {
          id: context.policy.id,
          name: context.policy.name,
          calendarName: context.record.name,
          timeZone: context.record.timeZone,
        },
        clocks: states.map((s) => stateView(s, context.policy, lang)),
        nextDue: next ? { clock: next.clock, dueAt: next.dueAt.toISOString() } : null,
      };
    },

    /** The internal clock of a deadline request or an approval (answer while the customer waits). */
    async internalClock(
      executor: Executor,
      orgId: string,
      kind: 'deadline_request' | 'approval',
      startedAt: Date,
      stoppedAt: Date | null,
    ) {
      const policies = await repo.listPolicies(executor, orgId);
      const policy = policies.find((p) => p.active && p.internalTargets[kind]);
      const target = policy?.internalTargets[kind];
      if (!policy || !target) return null;
      const record = await repo.findCalendar(executor, orgId, policy.calendarId);
      if (!record) return null;
      const s = evaluateSimpleClock(
        startedAt,
        stoppedAt,
        target,
        cachedCalendar(record, clock.now()),
        clock.now(),
        policy.warnAtPercent,
      );
      return { state: s.state, dueAt: iso(s.dueAt), remainingSeconds: s.remainingSeconds };
    },
  };
}
