import type { Clock } from '../../platform/clock.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { nameIn } from '../../platform/contract/names.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ClockKind } from '../kernel/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { OrgService } from '../org/index.ts';
import { cachedCalendar } from './calendar-cache.ts';
import {
  clockContextFrom,
  loadClockConfig,
  loadClockContext,
  type ClockConfig,
  type ClockContext,
} from './clock-context.ts';
import type { PendingWrite } from '../../platform/db/write-together.ts';
import {
  describeTarget,
  escalationAt,
  evaluateSimpleClock,
  evaluateWithOverlays,
  nextDue,
  OPERATIONAL_SOURCE,
  overlayClockPolicy,
  type ClockEvent,
  type ClockPolicy,
  type EscalationStep,
  type SourcedClockState,
} from './domain/index.ts';
import type { ClockStateView, ComplaintClocksView, PolicyView } from './sla.contract.ts';
import { clockTimer, type ClockTimer } from './sla.jobs.ts';
import * as repo from './sla.repository.ts';

/** What the clocks need to know of a complaint; the complaints module gives it. */
export type ClockInput = {
  orgId: string;
  complaintId: string;
  reference: string;
  /** For the notices: whose case it is, besides its reference. */
  customerName?: string | null;
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
 * clocks, legal ones included. The complaints module stores it on the complaint; the truth is
 * always re-derived.
 */
export type DueSummary = {
  policyId: string | null;
  nextDueAt: Date | null;
  nextDueClock: ClockKind | null;
  isBreached: boolean;
  isPaused: boolean;
};

/** The due of step 6's clocks (the manager's update, the call-back) where they run. */
export type StepDues = { manager_update: Date | null; verification: Date | null };

const stepDuesOf = (states: readonly SourcedClockState[]): StepDues => {
  const dueOf = (clock: ClockKind) =>
    states.find((s) => s.source === OPERATIONAL_SOURCE && s.clock === clock && s.stoppedAt === null)
      ?.dueAt ?? null;
  return { manager_update: dueOf('manager_update'), verification: dueOf('verification') };
};

const noPolicy: DueSummary = {
  policyId: null,
  nextDueAt: null,
  nextDueClock: null,
  isBreached: false,
  isPaused: false,
};

/** A legal clock with no operational policy beside it still warns at 75 % and reaches level 1. */
const LEGAL_DEFAULTS = {
  warnAtPercent: 75,
  escalation: [{ level: 1, amount: 0, unit: 'business_minutes' }] as EscalationStep[],
};

const toClockPolicy = (p: PolicyView): ClockPolicy => ({
  targets: p.targets,
  warnAtPercent: p.warnAtPercent,
  pauseStatuses: p.pauseStatuses,
  pausedClocks: p.pausedClocks,
  startRule: p.startRule,
  pauseMovesCommitment: p.pauseMovesCommitment,
  targetsSince: Object.fromEntries(
    Object.entries(p.targetsSince).map(([kind, at]) => [kind, new Date(at)]),
  ),
});

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/**
 * Timer and notice keys: the operational clocks keep the keys they always had, so timers already
 * queued still deduplicate; a legal clock's key names its source.
 */
const keyOf = (complaintId: string, source: string, clock: ClockKind, dueAt: string) =>
  source === OPERATIONAL_SOURCE
    ? `${complaintId}:${clock}:${dueAt}`
    : `${complaintId}:${source}:${clock}:${dueAt}`;

export type ClockEngine = ReturnType<typeof createClockEngine>;

export function createClockEngine(deps: {
  clock: Clock;
  jobs: JobQueue;
  notices: NoticesService;
  org: OrgService;
}) {
  const { clock, jobs, notices, org } = deps;

  const contextOf = (executor: Executor, input: ClockInput) =>
    loadClockContext(executor, clock, input);

  const warnAtPercentOf = (context: ClockContext) =>
    context.policy?.view.warnAtPercent ?? LEGAL_DEFAULTS.warnAtPercent;

  const statesOf = (input: ClockInput, context: ClockContext) =>
    evaluateWithOverlays(
      input.events,
      context.policy
        ? { policy: toClockPolicy(context.policy.view), calendar: context.policy.calendar }
        : undefined,
      context.overlays.map((o) => ({
        source: o.overlay.preset,
        policy: overlayClockPolicy(o.overlay, warnAtPercentOf(context)),
        calendar: o.calendar,
      })),
      clock.now(),
    );

  /**
   * The timers that will warn and escalate each running clock, keyed so each fires once. Every
   * clock escalates by the operational policy's levels, its delays counted on that policy's
   * calendar (the team's hours); a legal clock alone uses level 1 at once on its own calendar.
   */
  function timersOf(input: ClockInput, context: ClockContext, states: SourcedClockState[]) {
    const timers: { payload: ClockTimer; runAt: Date; key: string }[] = [];
    const escalation = context.policy?.view.escalation ?? LEGAL_DEFAULTS.escalation;
    for (const s of states) {
      if (s.stoppedAt !== null || !s.dueAt || (s.state !== 'running' && s.state !== 'breached'))
        continue;
      const calendar =
        context.policy?.calendar ??
        context.overlays.find((o) => o.overlay.preset === s.source)?.calendar;
      if (!calendar) continue;
      const dueAt = s.dueAt.toISOString();
      const base = keyOf(input.complaintId, s.source, s.clock, dueAt);
      const payload = {
        orgId: input.orgId,
        complaintId: input.complaintId,
        source: s.source,
        clock: s.clock,
        dueAt,
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
      for (const e of escalation)
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
  async function evaluate(tx: Tx, input: ClockInput): Promise<DueSummary & { stepDues: StepDues }> {
    const context = await contextOf(tx, input);
    if (!context) {
      await repo.replaceClocks(tx, input.orgId, input.complaintId, []);
      return { ...noPolicy, stepDues: { manager_update: null, verification: null } };
    }
    const states = statesOf(input, context);
    await repo.replaceClocks(tx, input.orgId, input.complaintId, states);
    await jobs.enqueueMany(tx, clockTimer, timersOf(input, context, states));
    const next = nextDue(states);
    return {
      policyId: context.policy?.view.id ?? null,
      nextDueAt: next?.dueAt ?? null,
      nextDueClock: next?.clock ?? null,
      isBreached: states.some((s) => s.state === 'breached' && s.stoppedAt === null),
      isPaused: states.some((s) => s.state === 'paused'),
      stepDues: stepDuesOf(states),
    };
  }

  /**
   * The clocks of a case being created, derived in memory from its first events on the
   * configuration the caller read (and may keep per version, see `clockConfig`). Nothing is
   * read here; the clock rows and their timers come back as writes to send with the case's own.
   */
  function startClocks(
    tx: Tx,
    config: ClockConfig,
    input: ClockInput,
  ): {
    summary: DueSummary;
    clocks: { clock: ClockKind; state: string; dueAt: Date | null }[];
    timeZone: string | null;
    writes: PendingWrite[];
  } {
    const context = clockContextFrom(config, clock, input);
    if (!context) return { summary: noPolicy, clocks: [], timeZone: null, writes: [] };
    const states = statesOf(input, context);
    const next = nextDue(states);
    return {
      summary: {
        policyId: context.policy?.view.id ?? null,
        nextDueAt: next?.dueAt ?? null,
        nextDueClock: next?.clock ?? null,
        isBreached: states.some((s) => s.state === 'breached' && s.stoppedAt === null),
        isPaused: states.some((s) => s.state === 'paused'),
      },
      clocks: states.map((s) => ({ clock: s.clock, state: s.state, dueAt: s.dueAt })),
      timeZone: context.policy?.record.timeZone ?? null,
      writes: [
        ...(states.length > 0
          ? [repo.insertClocksWrite(tx, input.orgId, input.complaintId, states)]
          : []),
        ...jobs.pendingMany(tx, clockTimer, timersOf(input, context, states)),
      ],
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
    const state = statesOf(input, context).find(
      (s) => s.source === timer.source && s.clock === timer.clock,
    );
    const summary = timer.step === 'warn' ? undefined : await evaluate(tx, input);
    if (!state || state.stoppedAt !== null || state.dueAt?.toISOString() !== timer.dueAt)
      return summary;
    if (timer.step === 'warn' ? state.state !== 'running' : state.state !== 'breached')
      return summary;
    const owner = input.ownerId ?? input.intakeAgentId;
    if (!owner) return summary;
    const base = keyOf(input.complaintId, timer.source, timer.clock, timer.dueAt);
    const dedupeKey = `${base}:${timer.step}:${timer.level}`;
    const data = {
      reference: input.reference,
      customerName: input.customerName ?? null,
      ownerId: owner,
      clock: timer.clock,
      dueAt: timer.dueAt,
      level: timer.level,
      ...(timer.source === OPERATIONAL_SOURCE ? {} : { source: timer.source }),
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
          data,
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

  function stateView(s: SourcedClockState, context: ClockContext, lang: Language): ClockStateView {
    const legal = context.overlays.find((o) => o.overlay.preset === s.source);
    const target = legal ? legal.overlay.targets[s.clock] : context.policy?.view.targets[s.clock];
    return {
      source: s.source,
      sourceLabel: legal ? legal.preset.citation[lang] : null,
      clock: s.clock,
      state: s.state,
      startedAt: iso(s.startedAt),
      dueAt: iso(s.dueAt),
      warnAt: iso(s.warnAt),
      stoppedAt: iso(s.stoppedAt),
      remainingSeconds: s.remainingSeconds,
      usedPercent: s.usedPercent,
      target: target ? describeTarget(target, lang, legal?.overlay.dayCount ?? 'same_time') : null,
      pauses: s.pauses.map((p) => ({ from: p.from.toISOString(), to: iso(p.to) })),
    };
  }

  /**
   * The internal clock of deadline requests or approvals (answer while the customer waits): the
   * policy and its calendar are read once, then each request's clock is derived from it.
   */
  async function internalClocks(
    executor: Executor,
    orgId: string,
    kind: 'deadline_request' | 'approval',
  ) {
    const policies = await repo.listPolicies(executor, orgId);
    const policy = policies.find((p) => p.active && p.internalTargets[kind]);
    const target = policy?.internalTargets[kind];
    const record = policy ? await repo.findCalendar(executor, orgId, policy.calendarId) : undefined;
    return (startedAt: Date, stoppedAt: Date | null) => {
      if (!policy || !target || !record) return null;
      const s = evaluateSimpleClock(
        startedAt,
        stoppedAt,
        target,
        cachedCalendar(record, clock.now()),
        clock.now(),
        policy.warnAtPercent,
      );
      return { state: s.state, dueAt: iso(s.dueAt), remainingSeconds: s.remainingSeconds };
    };
  }

  return {
    evaluate,
    fire,
    internalClocks,
    startClocks,
    /** An org's policies, overlays and calendars as stored, for {@link startClocks}. */
    clockConfig: (executor: Executor, orgId: string): Promise<ClockConfig> =>
      loadClockConfig(executor, orgId),

    /** The policy a case runs on now (for the choices it makes: pauses, the read-back). */
    policyOf: async (executor: Executor, input: ClockInput) =>
      (await contextOf(executor, input))?.policy?.view,

    /**
     * The live clocks of one complaint, derived now (not read from the stored due times): the
     * operational policy's first, then each legal clock with the source it comes from.
     */
    async describe(
      executor: Executor,
      input: ClockInput,
      lang: Language,
    ): Promise<ComplaintClocksView> {
      const context = await contextOf(executor, input);
      if (!context) return { policy: null, clocks: [], nextDue: null };
      const states = statesOf(input, context);
      const next = nextDue(states);
      const policy = context.policy;
      return {
        policy: policy
          ? {
              id: policy.view.id,
              name: nameIn(policy.view.names, lang, policy.view.name),
              calendarName: nameIn(policy.record.names, lang, policy.record.name),
              timeZone: policy.record.timeZone,
            }
          : null,
        clocks: states.map((s) => stateView(s, context, lang)),
        nextDue: next ? { clock: next.clock, dueAt: next.dueAt.toISOString() } : null,
      };
    },

    /** One internal clock; see {@link internalClocks} for many. */
    async internalClock(
      executor: Executor,
      orgId: string,
      kind: 'deadline_request' | 'approval',
      startedAt: Date,
      stoppedAt: Date | null,
    ) {
      return (await internalClocks(executor, orgId, kind))(startedAt, stoppedAt);
    },
  };
}
