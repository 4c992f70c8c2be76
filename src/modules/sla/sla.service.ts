import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import {
  enqueueJob,
  enqueueJobs,
  type Job,
  type JobHandler,
  type JobRequest,
} from '../../platform/jobs.ts';
import { recordAudit } from '../audit/index.ts';
import type { NoticesService } from '../notices/index.ts';
import {
  clockKinds,
  describeTarget,
  dueAfter,
  evaluateClocks,
  evaluateSimpleClock,
  nextDue,
  parseBusinessCalendar,
  parseIcsHolidays,
  regulatoryPresets,
  type BusinessCalendar,
  type ClockEvent,
  type ClockKind,
  type ClockPolicy,
  type ClockState,
  type Target,
} from './domain/index.ts';
import { effectiveCalendar, holidaysOfYear, type CalendarRecord } from './effective-calendar.ts';
import * as repo from './sla.repository.ts';
import type {
  CalendarInput,
  CalendarView,
  ClockStateView,
  ComplaintClocksView,
  PolicyInput,
  PolicyView,
  SlaDefaults,
} from './sla.contract.ts';
import { defaultCalendar, standardPolicy } from './sla.defaults.ts';

/** What the clocks need to know of a complaint; the complaints module provides it. */
export type ClockInput = {
  orgId: string;
  id: string;
  reference: string;
  status: string;
  ownerId: string | null;
  intakeAgentId: string | null;
  reasonId: string | null;
  severity: string;
  channel: string;
  customerTier: string | null;
  policyId: string | null;
  events: ClockEvent[];
};

export type ClockSource = {
  load(executor: Executor, orgId: string, complaintId: string): Promise<ClockInput | undefined>;
  /** Open complaints of an org, in id order after `afterId`, for recomputing in batches. */
  openIds(
    executor: Executor,
    orgId: string,
    afterId: string | null,
    limit: number,
  ): Promise<string[]>;
};

export type ManagerChain = (
  orgId: string,
  userId: string,
) => Promise<{ id: string; name: string }[]>;

export type SlaService = ReturnType<typeof createSlaService>;

const toPolicy = (p: PolicyView): ClockPolicy => ({
  targets: p.targets,
  warnAtPercent: p.warnAtPercent,
  pauseStatuses: p.pauseStatuses,
  pausedClocks: p.pausedClocks,
  startRule: p.startRule,
});

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toCalendarView(r: CalendarRecord): CalendarView {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    timeZone: r.timeZone,
    weeklyHours: r.weeklyHours as CalendarView['weeklyHours'],
    dateHours: r.dateHours as CalendarView['dateHours'],
    holidays: r.holidays,
    holidayCountry: r.holidayCountry,
    holidayOverrides: r.holidayOverrides as CalendarView['holidayOverrides'],
    customHolidays: r.customHolidays as CalendarView['customHolidays'],
    isDefault: r.isDefault,
  };
}

/** A policy applies when every non-empty criterion matches; the lowest priority number wins. */
export function choosePolicy(
  policies: PolicyView[],
  c: { reasonId: string | null; severity: string; channel: string; customerTier: string | null },
): PolicyView | undefined {
  return policies
    .filter((p) => p.active)
    .filter(
      (p) =>
        p.match.reasonIds.length === 0 ||
        (c.reasonId !== null && p.match.reasonIds.includes(c.reasonId)),
    )
    .filter(
      (p) =>
        p.match.severities.length === 0 || (p.match.severities as string[]).includes(c.severity),
    )
    .filter(
      (p) => p.match.channels.length === 0 || (p.match.channels as string[]).includes(c.channel),
    )
    .filter(
      (p) =>
        p.match.tiers.length === 0 ||
        (c.customerTier !== null && p.match.tiers.includes(c.customerTier)),
    )
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))[0];
}

export function createSlaService(deps: {
  db: Db;
  clock: Clock;
  notices: NoticesService;
  source: ClockSource;
  managerChain: ManagerChain;
  timeZoneOf: (orgId: string) => Promise<string>;
}) {
  const { db, clock, notices, source } = deps;

  function validateCalendar(input: CalendarInput): void {
    const parsed = parseBusinessCalendar({
      timeZone: input.timeZone,
      weeklyHours: input.weeklyHours,
      holidays: input.holidays.map((h) => h.date),
      dateHours: input.dateHours,
    });
    if (!parsed.ok) throw invalidField(parsed.field, 'field.invalid');
    // Generating a year exercises the overrides and custom days, which must be valid dates.
    try {
      const record: CalendarRecord = {
        id: 'check',
        name: input.name,
        version: 0,
        timeZone: input.timeZone,
        weeklyHours: input.weeklyHours,
        dateHours: input.dateHours,
        holidays: input.holidays,
        holidayCountry: input.holidayCountry,
        holidayOverrides: input.holidayOverrides,
        customHolidays: input.customHolidays,
        isDefault: false,
      };
      for (const o of input.holidayOverrides) holidaysOfYear(record, o.year);
      holidaysOfYear(record, clock.now().getUTCFullYear());
    } catch {
      throw invalidField('holidayOverrides', 'field.invalid');
    }
  }

  async function getCalendar(
    executor: Executor,
    orgId: string,
    id: string,
  ): Promise<CalendarRecord> {
    const c = await repo.findCalendar(executor, orgId, id);
    if (!c) throw new AppError('not_found');
    return c;
  }

  async function clockContext(executor: Executor, input: ClockInput) {
    const policies = await repo.listPolicies(executor, input.orgId);
    const policy =
      (input.policyId ? policies.find((p) => p.id === input.policyId && p.active) : undefined) ??
      choosePolicy(policies, input);
    if (!policy) return undefined;
    const record = await repo.findCalendar(executor, input.orgId, policy.calendarId);
    if (!record) return undefined;
    return { policy, record, calendar: effectiveCalendar(record, clock.now()) };
  }

  function evaluate(
    input: ClockInput,
    policy: PolicyView,
    calendar: BusinessCalendar,
  ): ClockState[] {
    return evaluateClocks(input.events, toPolicy(policy), calendar, clock.now());
  }

  /**
   * Recomputes the stored due times of one complaint from its events, and schedules the jobs
   * that will warn and escalate. Runs in the caller's transaction, after every change.
   */
  async function recompute(tx: Executor, orgId: string, complaintId: string): Promise<void> {
    const input = await source.load(tx, orgId, complaintId);
    if (!input) return;
    const context = await clockContext(tx, input);
    await tx
      .deleteFrom('complaint_clocks')
      .where('org_id', '=', orgId)
      .where('complaint_id', '=', complaintId)
      .execute();
    if (!context) {
      await tx
        .updateTable('complaints')
        .set({
          policy_id: null,
          next_due_at: null,
          next_due_clock: null,
          is_breached: false,
          is_paused: false,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', complaintId)
        .execute();
      return;
    }
    const { policy } = context;
    const states = evaluate(input, policy, context.calendar);
    if (states.length > 0) {
      await tx
        .insertInto('complaint_clocks')
        .values(
          states.map((s) => ({
            org_id: orgId,
            complaint_id: complaintId,
            clock: s.clock,
            state: s.state,
            started_at: s.startedAt,
            due_at: s.dueAt,
            warn_at: s.warnAt,
            stopped_at: s.stoppedAt,
          })),
        )
        .execute();
    }
    const next = nextDue(states);
    const isBreached = states.some((s) => s.state === 'breached' && s.stoppedAt === null);
    await tx
      .updateTable('complaints')
      .set({
        policy_id: policy.id,
        next_due_at: next?.dueAt ?? null,
        next_due_clock: next?.clock ?? null,
        is_breached: isBreached,
        is_paused: states.some((s) => s.state === 'paused'),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', complaintId)
      .execute();
    const jobs: JobRequest[] = [];
    for (const s of states) {
      if (s.stoppedAt !== null || !s.dueAt || (s.state !== 'running' && s.state !== 'breached'))
        continue;
      const base = `${complaintId}:${s.clock}:${s.dueAt.toISOString()}`;
      const payload = { complaintId, clock: s.clock, dueAt: s.dueAt.toISOString() };
      if (s.warnAt && s.warnAt > clock.now()) {
        jobs.push({
          orgId,
          kind: 'sla.check',
          runAt: s.warnAt,
          dedupeKey: `${base}:warn`,
          payload: { ...payload, step: 'warn', level: 0 },
        });
      }
      jobs.push({
        orgId,
        kind: 'sla.check',
        runAt: s.dueAt,
        dedupeKey: `${base}:breach`,
        payload: { ...payload, step: 'breach', level: 0 },
      });
      for (const e of policy.escalation) {
        const runAt = new Date(s.dueAt.getTime() + e.afterMinutes * 60_000);
        jobs.push({
          orgId,
          kind: 'sla.check',
          runAt,
          dedupeKey: `${base}:escalate:${e.level}`,
          payload: { ...payload, step: 'escalate', level: e.level },
        });
      }
    }
    await enqueueJobs(tx, clock, jobs);
  }

  /**
   * The job behind every warning and escalation. It re-derives the clock now: if the due time
   * moved, the clock stopped or paused, the job does nothing (a newer job covers the new due).
   */
  async function check(job: Job): Promise<void> {
    const orgId = job.orgId;
    if (!orgId) return;
    const {
      complaintId,
      clock: kind,
      dueAt,
      step,
      level,
    } = job.payload as {
      complaintId: string;
      clock: ClockKind;
      dueAt: string;
      step: 'warn' | 'breach' | 'escalate';
      level: number;
    };
    await db.transaction().execute(async (tx) => {
      const input = await source.load(tx, orgId, complaintId);
      if (!input) return;
      const context = await clockContext(tx, input);
      if (!context) return;
      const state = evaluate(input, context.policy, context.calendar).find((s) => s.clock === kind);
      // Time passing is a change too: a clock that just went past due is stored as breached.
      if (step !== 'warn') await recompute(tx, orgId, complaintId);
      if (!state || state.stoppedAt !== null || state.dueAt?.toISOString() !== dueAt) return;
      if (step === 'warn' && state.state !== 'running') return;
      if (step !== 'warn' && state.state !== 'breached') return;
      const owner = input.ownerId ?? input.intakeAgentId;
      if (!owner) return;
      const dedupeKey = `${complaintId}:${kind}:${dueAt}:${step}:${level}`;
      const data = { reference: input.reference, clock: kind, dueAt, level };
      if (step === 'escalate') {
        const chain = await deps.managerChain(orgId, owner);
        const target = chain[level - 1];
        if (!target) return;
        await notices.notify(tx, {
          orgId,
          userId: target.id,
          kind: 'escalation',
          complaintId,
          dedupeKey,
          data: { ...data, ownerId: owner },
        });
        return;
      }
      await notices.notify(tx, {
        orgId,
        userId: owner,
        kind: step === 'warn' ? 'sla_warning' : 'sla_breach',
        complaintId,
        dedupeKey,
        data,
      });
    });
  }

  /** After a policy or calendar change: every open complaint of the org, in batches. */
  async function recomputeOrg(orgId: string): Promise<number> {
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const ids = await source.openIds(db, orgId, after, 200);
      if (ids.length === 0) return total;
      await db.transaction().execute(async (tx) => {
        for (const id of ids) await recompute(tx, orgId, id);
      });
      total += ids.length;
      after = ids.at(-1) ?? null;
    }
  }

  /** A policy or calendar change moves due times of open complaints; a new org has none. */
  async function scheduleOrgRecompute(tx: Executor, orgId: string): Promise<void> {
    const open = await source.openIds(tx, orgId, null, 1);
    if (open.length === 0) return;
    await enqueueJob(tx, clock, {
      orgId,
      kind: 'sla.recompute-org',
      payload: {},
      dedupeKey: `recompute:${clock.now().toISOString()}`,
    });
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
    recompute,
    recomputeOrg,
    check,

    /** The live clocks of one complaint, derived now (not read from the stored due times). */
    async clocksOf(
      orgId: string,
      complaintId: string,
      lang: Language,
    ): Promise<ComplaintClocksView> {
      const input = await source.load(db, orgId, complaintId);
      if (!input) throw new AppError('not_found');
      const context = await clockContext(db, input);
      if (!context) return { policy: null, clocks: [], nextDue: null };
      const states = evaluate(input, context.policy, context.calendar);
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

    /** The calendar to compute a department's or a task's due times with (default if none). */
    async calendarFor(
      executor: Executor,
      orgId: string,
      calendarId: string | null,
    ): Promise<{ record: CalendarRecord; calendar: BusinessCalendar }> {
      const record = calendarId
        ? await repo.findCalendar(executor, orgId, calendarId)
        : (await repo.listCalendars(executor, orgId))[0];
      if (!record) throw new AppError('not_found');
      return { record, calendar: effectiveCalendar(record, clock.now()) };
    },

    dueAfter(start: Date, target: Target, calendar: BusinessCalendar): Date {
      return dueAfter(start, target, calendar);
    },

    /** The internal clock of a deadline request (answer within minutes while the customer waits). */
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
        effectiveCalendar(record, clock.now()),
        clock.now(),
        policy.warnAtPercent,
      );
      return { state: s.state, dueAt: iso(s.dueAt), remainingSeconds: s.remainingSeconds };
    },

    listCalendars: async (orgId: string) =>
      (await repo.listCalendars(db, orgId)).map(toCalendarView),
    getCalendar: async (orgId: string, id: string) =>
      toCalendarView(await getCalendar(db, orgId, id)),

    async createCalendar(orgId: string, actor: Actor, input: CalendarInput): Promise<CalendarView> {
      validateCalendar(input);
      return db.transaction().execute(async (tx) => {
        const created = await repo.insertCalendar(tx, orgId, input);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'calendar.created',
          entityType: 'calendar',
          entityId: created.id,
          after: input,
        });
        return toCalendarView(created);
      });
    },

    async updateCalendar(
      orgId: string,
      actor: Actor,
      id: string,
      input: CalendarInput,
    ): Promise<CalendarView> {
      validateCalendar(input);
      return db.transaction().execute(async (tx) => {
        const before = await getCalendar(tx, orgId, id);
        const after = await repo.updateCalendar(tx, orgId, id, input, clock.now());
        if (!after) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'calendar.updated',
          entityType: 'calendar',
          entityId: id,
          before: toCalendarView(before),
          after: input,
        });
        // Holidays and hours move due times: every open complaint is recomputed.
        await scheduleOrgRecompute(tx, orgId);
        return toCalendarView(after);
      });
    },

    async holidays(orgId: string, calendarId: string, year: number) {
      const record = await getCalendar(db, orgId, calendarId);
      const { generated, effective, workdays } = holidaysOfYear(record, year);
      const overrides = record.holidayOverrides.find((o) => o.year === year);
      return {
        year,
        generated,
        effective,
        workdays: workdays.map((w) => ({
          date: w.date,
          hours: w.hours.map((p) => [p[0], p[1]] as [string, string]),
        })),
        overrides: overrides
          ? (JSON.parse(JSON.stringify(overrides)) as CalendarView['holidayOverrides'][number])
          : null,
      };
    },

    async importIcs(
      orgId: string,
      actor: Actor,
      calendarId: string,
      ics: string,
      fromYear: number,
      toYear: number,
    ): Promise<{ imported: number }> {
      let days: { date: string; name: string }[];
      try {
        days = parseIcsHolidays(ics, { fromYear, toYear });
      } catch (error) {
        throw invalidField('ics', 'field.invalid', {
          detail: error instanceof Error ? error.message : '',
        });
      }
      const record = await getCalendar(db, orgId, calendarId);
      const known = new Set(record.holidays.map((h) => h.date));
      const added = days.filter((d) => !known.has(d.date));
      const view = toCalendarView(record);
      await this.updateCalendar(orgId, actor, calendarId, {
        ...view,
        holidays: [...record.holidays, ...added].sort((a, b) => a.date.localeCompare(b.date)),
      });
      return { imported: added.length };
    },

    listPolicies: (orgId: string) => repo.listPolicies(db, orgId),

    async createPolicy(orgId: string, actor: Actor, input: PolicyInput): Promise<PolicyView> {
      return db.transaction().execute(async (tx) => {
        await getCalendar(tx, orgId, input.calendarId).catch(() => {
          throw invalidField('calendarId');
        });
        const created = await repo.insertPolicy(tx, orgId, input);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'policy.created',
          entityType: 'sla_policy',
          entityId: created.id,
          after: input,
        });
        await scheduleOrgRecompute(tx, orgId);
        return created;
      });
    },

    async updatePolicy(
      orgId: string,
      actor: Actor,
      id: string,
      input: PolicyInput,
    ): Promise<PolicyView> {
      return db.transaction().execute(async (tx) => {
        const before = await repo.findPolicy(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        await getCalendar(tx, orgId, input.calendarId).catch(() => {
          throw invalidField('calendarId');
        });
        const after = await repo.updatePolicy(tx, orgId, id, input, clock.now());
        if (!after) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'policy.updated',
          entityType: 'sla_policy',
          entityId: id,
          before,
          after,
        });
        await scheduleOrgRecompute(tx, orgId);
        return after;
      });
    },

    /** What a new calendar and a new policy start from, in the org's time zone. */
    async defaults(orgId: string): Promise<SlaDefaults> {
      const calendar = defaultCalendar(await deps.timeZoneOf(orgId));
      return { calendar: { ...calendar, isDefault: false }, policy: standardPolicy };
    },

    presets(lang: Language) {
      return regulatoryPresets.map((p) => ({
        code: p.code,
        name: p.name[lang],
        source: p.source,
        sourceUrl: p.sourceUrl,
        notes: p.notes[lang],
        targets: p.targets,
        targetsText: clockKinds.flatMap((k) => {
          const t = p.targets[k];
          return t ? [{ clock: k, text: describeTarget(t, lang) }] : [];
        }),
      }));
    },

    /** Switches a regulatory preset on: a policy with its targets, shown beside its source. */
    async enablePreset(
      orgId: string,
      actor: Actor,
      code: string,
      calendarId: string,
      priority: number,
      lang: Language,
    ): Promise<PolicyView> {
      const preset = regulatoryPresets.find((p) => p.code === code);
      if (!preset) throw invalidField('code');
      return this.createPolicy(orgId, actor, {
        name: preset.name[lang],
        priority,
        match: { reasonIds: [], severities: [], channels: [], tiers: [] },
        calendarId,
        targets: preset.targets,
        internalTargets: {},
        warnAtPercent: 75,
        pauseStatuses: [],
        pausedClocks: [],
        startRule: 'receipt',
        escalation: [{ level: 1, afterMinutes: 0 }],
        preset: preset.code,
        active: true,
      });
    },
  };
}

export function slaJobs(sla: SlaService): Record<string, JobHandler> {
  return {
    'sla.check': (job) => sla.check(job),
    'sla.recompute-org': async (job) => {
      if (job.orgId) await sla.recomputeOrg(job.orgId);
    },
  };
}
