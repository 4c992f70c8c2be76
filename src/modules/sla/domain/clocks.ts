/**
 * Clock state derived from a complaint's event history, its SLA policy and a business calendar.
 * Nothing is stored or counted: the same events, policy, calendar and `now` always give the same
 * states, so a due time can be recomputed whenever the policy, the calendar or a pause changes.
 *
 * Rules shared by every clock (the ones for each clock are on {@link evaluateClocks}):
 * - Only events at or before `now` count, in order of `at` (ties keep the given order). Evaluating
 *   at an earlier `now` therefore replays the state as it was then.
 * - A stopped clock is 'met' when it stopped at or before its due, else 'breached'. A running clock
 *   is 'breached' once `now` is after its due (remaining goes negative). A clock inside a pause
 *   that began before its due is 'paused' and has no due until the pause ends; a pause that began
 *   after the due cannot undo the breach, so that clock stays 'breached'.
 * - A clock whose start lies after `now` (e.g. starting on the next business day) is 'pending' and
 *   already shows its planned `startedAt` and unpaused `dueAt`.
 */
import { nextOpenInstant, type BusinessCalendar } from './business-calendar.ts';
import { MS_PER_DAY } from './civil-date.ts';
import {
  scheduleOf,
  scheduleUntil,
  scheduledDue,
  scheduledElapsedMs,
  scheduledInstantAt,
  type DayCount,
  type OpenPause,
  type Schedule,
  type Target,
} from './durations.ts';
import { localDayOf, localToInstant } from './time-zone.ts';

import { clockKinds, terminalStatuses, type ClockKind } from '../../kernel/index.ts';

export { clockKinds, type ClockKind };

/**
 * What the clocks listen to. The sla module knows no other module's events: the module that owns
 * a clocked record maps its own history to these (complaints: complaints/domain/clock-events.ts).
 * - received: the clocks start; acknowledged: step 1 was done;
 * - status_changed (data: from, to): pauses, cancellation and reopening;
 * - response: staff wrote to the customer (a message or the read-back);
 * - commitment (data: dueAt): a promised due time, which is also a response;
 * - fixed; manager_update and verification: step 6.
 */
export const clockSignals = [
  'received',
  'acknowledged',
  'status_changed',
  'response',
  'commitment',
  'fixed',
  'manager_update',
  'verification',
] as const;
export type ClockSignal = (typeof clockSignals)[number];

export const clockStartRules = ['receipt', 'next_business_day'] as const;
export type ClockStartRule = (typeof clockStartRules)[number];

export const clockStates = ['pending', 'running', 'paused', 'met', 'breached'] as const;

export type ClockPolicy = {
  /** A clock without a target is not tracked (except fix, see {@link evaluateClocks}). */
  targets: Partial<Record<ClockKind, Target>>;
  /** Share of the target at which a warning is due, e.g. 75. */
  warnAtPercent: number;
  /** Complaint statuses that pause clocks, e.g. ['waiting_customer']. */
  pauseStatuses: string[];
  /** The clocks those statuses pause; the others keep running. */
  pausedClocks: ClockKind[];
  /** Clocks start at receipt, or at the opening of the next business day after receipt's date. */
  startRule: ClockStartRule;
  /**
   * Whether a pause moves a committed due (then the complaints module re-commits to the moved
   * time and tells the customer, so the ledger and the clock agree), or leaves it where the
   * customer was told it is. Default true.
   */
  pauseMovesCommitment?: boolean;
  /**
   * Whether the fix clock runs to the latest committed due (the promise is the target, default
   * true), or always to its own target from the start: a legal clock ("8 weeks from receipt")
   * does not move because the agent promised an earlier or a later date.
   */
  fixFollowsCommitment?: boolean;
  /** Where the last of n business days ends (default 'same_time'; see {@link DayCount}). */
  dayCount?: DayCount;
  /**
   * When each target was switched on. manager_update and verification run only for a fix at or
   * after it: switching a target on does not start it for cases fixed before.
   */
  targetsSince?: Partial<Record<ClockKind, Date>>;
};

export type ClockEvent = {
  type: ClockSignal;
  at: Date;
  actorType: 'user' | 'customer' | 'system' | 'api';
  data: Record<string, unknown>;
};

export type ClockPause = { from: Date; to: Date | null };

export type ClockState = {
  clock: ClockKind;
  state: (typeof clockStates)[number];
  startedAt: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
  stoppedAt: Date | null;
  /** In the target's measure (business or wall seconds); negative when overdue; null when pending or stopped. */
  remainingSeconds: number | null;
  /** Share of the target used, excluding pauses (at the stop for a stopped clock); null when pending. */
  usedPercent: number | null;
  /** The pauses that applied to this clock, clipped to its run; `to` is null while open. */
  pauses: ClockPause[];
  /** next_update only: how many cycles ran, and how many of them went past their due. */
  cycles?: number;
  breachedCycles?: number;
};

export type SimpleClockState = Omit<ClockState, 'clock' | 'cycles' | 'breachedCycles'>;

const TERMINAL_STATUSES: readonly string[] = terminalStatuses;
const STAFF: readonly ClockEvent['actorType'][] = ['user', 'api'];
const FIRST_RESPONSE_TYPES: readonly ClockSignal[] = ['response', 'commitment'];
const UPDATE_TYPES: readonly ClockSignal[] = [...FIRST_RESPONSE_TYPES, 'manager_update'];

function instantOf(date: Date, name: string): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${name} is an invalid Date`);
  return t;
}

function assertPercent(percent: number): void {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`warnAtPercent must be between 0 and 100, got ${percent}`);
  }
}

/** Events at or before `now`, ordered by `at`; ties keep their given order (sort is stable). */
function history(events: readonly ClockEvent[], now: number): ClockEvent[] {
  return events
    .filter((e, i) => instantOf(e.at, `events[${i}].at`) <= now)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

function statusChange(e: ClockEvent): { from: string | undefined; to: string } | undefined {
  if (e.type !== 'status_changed') return undefined;
  const { from, to } = e.data;
  if (typeof to !== 'string') return undefined;
  return { from: typeof from === 'string' ? from : undefined, to };
}

function isCancellation(e: ClockEvent): boolean {
  return statusChange(e)?.to === 'cancelled';
}

/** Back from fixed, closed or cancelled to an open status (the customer said it is not fixed). */
function isReopen(e: ClockEvent): boolean {
  const change = statusChange(e);
  return (
    change !== undefined &&
    change.from !== undefined &&
    TERMINAL_STATUSES.includes(change.from) &&
    !TERMINAL_STATUSES.includes(change.to)
  );
}

function isStaffMessage(e: ClockEvent, types: readonly ClockSignal[]): boolean {
  return types.includes(e.type) && STAFF.includes(e.actorType);
}

function commitmentDueAt(e: ClockEvent): Date | undefined {
  const value = e.data.dueAt;
  const due = typeof value === 'string' ? new Date(value) : value instanceof Date ? value : null;
  return due !== null && Number.isFinite(due.getTime()) ? due : undefined;
}

/**
 * When a complaint's clocks start: at receipt, or for 'next_business_day' at the opening of the
 * first business day after the local date of receipt (in the calendar's time zone), even when
 * receipt was before opening time on a business day.
 */
export function clockStartAt(
  receivedAt: Date,
  startRule: ClockStartRule,
  calendar: BusinessCalendar,
): Date {
  const t = instantOf(receivedAt, 'receivedAt');
  switch (startRule) {
    case 'receipt':
      return new Date(t);
    case 'next_business_day': {
      const nextDay = localDayOf(calendar.timeZone, t) + 1;
      const midnight = localToInstant(calendar.timeZone, nextDay * MS_PER_DAY, 'shift');
      return nextOpenInstant(new Date(midnight), calendar);
    }
  }
}

/**
 * The intervals during which the complaint was in one of `pauseStatuses`, from the
 * `status_changed` events (data `{from, to}`) at or before `now`. Moving between two
 * pause statuses keeps one pause; a pause still open at `now` has `to: null`. Zero-length pauses
 * are dropped.
 */
export function pauseIntervals(
  events: readonly ClockEvent[],
  pauseStatuses: readonly string[],
  now: Date,
): ClockPause[] {
  const out: ClockPause[] = [];
  let openFrom: Date | null = null;
  for (const e of history(events, instantOf(now, 'now'))) {
    const change = statusChange(e);
    if (change === undefined) continue;
    const pausing = pauseStatuses.includes(change.to);
    if (pausing && openFrom === null) {
      openFrom = e.at;
    } else if (!pausing && openFrom !== null) {
      if (e.at.getTime() > openFrom.getTime()) out.push({ from: openFrom, to: e.at });
      openFrom = null;
    }
  }
  if (openFrom !== null) out.push({ from: openFrom, to: null });
  return out;
}

// ---------------------------------------------------------------------------------------------
// One run of a clock: a start, a schedule, an optional stop and the pauses that apply

type Run = {
  startedAt: Date;
  schedule: Schedule;
  stoppedAt: Date | null;
  pauses: readonly ClockPause[];
};

/** Pauses clipped to [from, until]; a pause still open at `until` stays open unless `close`. */
function clip(pauses: readonly ClockPause[], from: number, until: number, close: boolean) {
  const out: ClockPause[] = [];
  for (const p of pauses) {
    const start = Math.max(p.from.getTime(), from);
    const end = p.to === null ? Infinity : Math.min(p.to.getTime(), until);
    // A pause that opens exactly at `until` (now) already applies: the clock is paused from now.
    const isOpenAtUntil = p.to === null && !close;
    if ((isOpenAtUntil ? start > until : start >= until) || end <= start) continue;
    const to = end === Infinity ? (close ? new Date(until) : null) : new Date(end);
    out.push({ from: new Date(start), to });
  }
  return out;
}

function asOpenPauses(pauses: readonly ClockPause[]): OpenPause[] {
  return pauses.map((p) => ({ from: p.from, to: p.to ?? undefined }));
}

function percentOf(elapsedMs: number, totalMs: number): number {
  if (totalMs <= 0) return 100;
  return (elapsedMs / totalMs) * 100;
}

function evaluateRun(run: Run, now: number, warnAtPercent: number): SimpleClockState {
  const { schedule, startedAt } = run;
  const scheduleStart = schedule.start.getTime();
  if (run.stoppedAt !== null) {
    const stop = run.stoppedAt.getTime();
    const pauses = clip(run.pauses, scheduleStart, stop, true);
    const due = scheduledDue(schedule, asOpenPauses(pauses)) ?? schedule.due;
    const elapsed = scheduledElapsedMs(schedule, run.stoppedAt, asOpenPauses(pauses));
    return {
      state: stop <= due.getTime() ? 'met' : 'breached',
      startedAt,
      dueAt: due,
      warnAt: null,
      stoppedAt: run.stoppedAt,
      remainingSeconds: null,
      usedPercent: percentOf(elapsed, schedule.totalMs),
      pauses,
    };
  }
  if (now < startedAt.getTime()) {
    return {
      state: 'pending',
      startedAt,
      dueAt: schedule.due,
      warnAt: null,
      stoppedAt: null,
      remainingSeconds: null,
      usedPercent: null,
      pauses: [],
    };
  }
  const pauses = clip(run.pauses, scheduleStart, now, false);
  const open = asOpenPauses(pauses);
  const due = scheduledDue(schedule, open);
  const elapsed = scheduledElapsedMs(schedule, new Date(now), open);
  const common = {
    startedAt,
    stoppedAt: null,
    remainingSeconds: (schedule.totalMs - elapsed) / 1000,
    usedPercent: percentOf(elapsed, schedule.totalMs),
    pauses,
  };
  if (due === undefined) return { ...common, state: 'paused', dueAt: null, warnAt: null };
  return {
    ...common,
    state: now > due.getTime() ? 'breached' : 'running',
    dueAt: due,
    warnAt: scheduledInstantAt(schedule, open, warnAtPercent) ?? null,
  };
}

function pendingState(clock: ClockKind): ClockState {
  return {
    clock,
    state: 'pending',
    startedAt: null,
    dueAt: null,
    warnAt: null,
    stoppedAt: null,
    remainingSeconds: null,
    usedPercent: null,
    pauses: [],
    ...(clock === 'next_update' ? { cycles: 0, breachedCycles: 0 } : {}),
  };
}

/** Merges pieces of one pause that consecutive cycles split at a cycle boundary. */
function joinPauses(pieces: readonly ClockPause[]): ClockPause[] {
  const out: ClockPause[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last !== undefined && last.to !== null && last.to.getTime() === p.from.getTime()) {
      last.to = p.to;
    } else {
      out.push({ ...p });
    }
  }
  return out;
}

/** The first event from `index` on that matches, as an instant. */
function firstAt(
  events: readonly ClockEvent[],
  matches: (e: ClockEvent) => boolean,
  index = 0,
): Date | null {
  for (let i = index; i < events.length; i += 1) {
    const e = events[i];
    if (e !== undefined && matches(e)) return e.at;
  }
  return null;
}

function lastIndexOf(events: readonly ClockEvent[], matches: (e: ClockEvent) => boolean): number {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (e !== undefined && matches(e)) return i;
  }
  return -1;
}

type Context = {
  events: readonly ClockEvent[];
  start: Date;
  policy: ClockPolicy;
  calendar: BusinessCalendar;
  now: number;
  pausesOf: (clock: ClockKind) => readonly ClockPause[];
};

/** A clock that starts with the complaint and stops at the first matching event or cancellation. */
function firstEventClock(
  ctx: Context,
  clock: ClockKind,
  target: Target,
  stopsAt: (e: ClockEvent) => boolean,
): ClockState {
  const stoppedAt = firstAt(ctx.events, (e) => stopsAt(e) || isCancellation(e));
  const run: Run = {
    startedAt: ctx.start,
    schedule: scheduleOf(ctx.start, target, ctx.calendar, ctx.policy.dayCount),
    stoppedAt,
    pauses: ctx.pausesOf(clock),
  };
  return { clock, ...evaluateRun(run, ctx.now, ctx.policy.warnAtPercent) };
}

function nextUpdateClock(ctx: Context, target: Target): ClockState {
  type Cycle = { start: Date; end: Date | null };
  const cycles: Cycle[] = [{ start: ctx.start, end: null }];
  let running = true;
  for (const e of ctx.events) {
    const current = cycles.at(-1);
    if (current === undefined) break;
    const change = statusChange(e);
    if (running && isStaffMessage(e, UPDATE_TYPES)) {
      // An update before the current cycle began (e.g. before a next-business-day start) does not
      // open a new cycle; the one already planned covers it.
      if (e.at.getTime() > current.start.getTime()) {
        current.end = e.at;
        cycles.push({ start: e.at, end: null });
      }
    } else if (
      running &&
      (e.type === 'fixed' || change?.to === 'closed' || change?.to === 'cancelled')
    ) {
      current.end = e.at;
      running = false;
    } else if (!running && isReopen(e)) {
      const start = e.at.getTime() > ctx.start.getTime() ? e.at : ctx.start;
      cycles.push({ start, end: null });
      running = true;
    }
  }
  const pauses = ctx.pausesOf('next_update');
  const states = cycles.map((cycle) =>
    evaluateRun(
      {
        startedAt: cycle.start,
        schedule: scheduleOf(cycle.start, target, ctx.calendar, ctx.policy.dayCount),
        stoppedAt: cycle.end,
        pauses,
      },
      ctx.now,
      ctx.policy.warnAtPercent,
    ),
  );
  const last = states.at(-1);
  if (last === undefined) return pendingState('next_update');
  return {
    clock: 'next_update',
    ...last,
    pauses: joinPauses(states.flatMap((s) => s.pauses)),
    cycles: cycles.length,
    breachedCycles: states.filter((s) => s.state === 'breached').length,
  };
}

/** `commitment` events that carry a valid `data.dueAt`, in order. */
function commitments(events: readonly ClockEvent[]): { at: Date; dueAt: Date }[] {
  return events.flatMap((e) => {
    const dueAt = e.type === 'commitment' ? commitmentDueAt(e) : undefined;
    return dueAt === undefined ? [] : [{ at: e.at, dueAt }];
  });
}

function latestCommitment(events: readonly ClockEvent[]): { at: Date; dueAt: Date } | undefined {
  return commitments(events).at(-1);
}

function fixClock(ctx: Context, target: Target | undefined): ClockState | undefined {
  const made = ctx.policy.fixFollowsCommitment === false ? [] : commitments(ctx.events);
  const first = made[0];
  const latest = made.at(-1);
  let schedule: Schedule;
  let startedAt: Date;
  if (latest !== undefined && first !== undefined) {
    // The promise is the target: measured in business time from when it was (last) made, so a
    // pause before the promise does not move the date the customer was given.
    schedule = scheduleUntil(latest.at, latest.dueAt, 'business', ctx.calendar);
    startedAt = target === undefined ? first.at : ctx.start;
  } else if (target !== undefined) {
    schedule = scheduleOf(ctx.start, target, ctx.calendar, ctx.policy.dayCount);
    startedAt = ctx.start;
  } else {
    return undefined;
  }
  let stoppedAt: Date | null = null;
  for (const e of ctx.events) {
    if (stoppedAt === null && (e.type === 'fixed' || isCancellation(e))) stoppedAt = e.at;
    else if (stoppedAt !== null && isReopen(e)) stoppedAt = null;
  }
  // A committed due that pauses do not move stays where the customer was told it is.
  const pauses =
    latest !== undefined && ctx.policy.pauseMovesCommitment === false ? [] : ctx.pausesOf('fix');
  const run: Run = { startedAt, schedule, stoppedAt, pauses };
  return { clock: 'fix', ...evaluateRun(run, ctx.now, ctx.policy.warnAtPercent) };
}

/** Index of the latest fixed and whether the case is still fixed (no reopen since). */
function latestFix(events: readonly ClockEvent[]): { index: number; isFixed: boolean } {
  const index = lastIndexOf(events, (e) => e.type === 'fixed');
  if (index < 0) return { index, isFixed: false };
  return { index, isFixed: firstAt(events, isReopen, index + 1) === null };
}

function afterFixClock(
  ctx: Context,
  clock: 'manager_update' | 'verification',
  target: Target,
): ClockState | undefined {
  const fix = latestFix(ctx.events);
  const fixed = ctx.events[fix.index];
  if (fixed === undefined) return pendingState(clock);
  const since = ctx.policy.targetsSince?.[clock];
  if (since !== undefined && fixed.at.getTime() < since.getTime()) return undefined;
  let startedAt = fixed.at;
  let stopType: ClockSignal = 'manager_update';
  if (clock === 'verification') {
    if (!fix.isFixed) return pendingState(clock);
    stopType = 'verification';
    // The call-back comes after the promised date: never before the latest committed due.
    const promisedAt = latestCommitment(ctx.events)?.dueAt;
    if (promisedAt !== undefined && promisedAt.getTime() > startedAt.getTime()) {
      startedAt = promisedAt;
    }
  }
  const stoppedAt = firstAt(
    ctx.events,
    (e) => e.type === stopType || isCancellation(e),
    fix.index + 1,
  );
  const run: Run = {
    startedAt,
    schedule: scheduleOf(startedAt, target, ctx.calendar, ctx.policy.dayCount),
    stoppedAt,
    pauses: ctx.pausesOf(clock),
  };
  return { clock, ...evaluateRun(run, ctx.now, ctx.policy.warnAtPercent) };
}

/**
 * The state of every tracked clock of one complaint at `now`, in {@link clockKinds} order.
 *
 * `received` starts the clocks at {@link clockStartAt}; before it, every tracked clock is
 * 'pending'. `status_changed` into one of `pauseStatuses` pauses the clocks listed in
 * `pausedClocks` until the status leaves them (see {@link pauseIntervals}). A change to
 * 'cancelled' stops every running clock at that instant ('met' if within its due, else
 * 'breached'); a clock with a single stop stays stopped after a reopen, while fix and next_update
 * run again as after a fix. The clocks:
 * - acknowledge: stops at the first `acknowledged`.
 * - first_response: stops at the first `response` or `commitment` by
 *   staff (actorType 'user' or 'api').
 * - next_update (keep the customer in the loop): each staff update (`response`,
 *   `commitment`, `manager_update` by 'user'/'api') ends the current
 *   cycle and starts a new one at the update; `fixed` or a change to 'closed' or
 *   'cancelled' stops it; a reopen starts a new cycle. A cycle is breached when it ended (or, for
 *   the current one, `now` is) after its due; the state is that of the current cycle.
 * - commitment: stops at the first `commitment`.
 * - fix: its due is the latest `commitment`'s `data.dueAt` (a re-commitment moves it; a pause
 *   extends it by the paused business time after that commitment; the warning and the used share
 *   are measured in business time from that commitment to its due). Without a commitment it runs
 *   on the policy's fix target from the start; with neither, it is not tracked. With
 *   `fixFollowsCommitment` false (a legal clock such as "8 weeks"), it always runs on its target
 *   from the start, whatever was promised. Stops at `fixed`; a reopen makes it run again with the
 *   same due.
 * - manager_update: starts at the latest `fixed` and stops at the first
 *   `manager_update` after it; pending before any fix; not tracked for a fix before the
 *   target was switched on (`targetsSince`), like verification.
 * - verification: starts at the later of the latest `fixed` and the latest committed
 *   due ("after the promised date") and stops at the first `verification` after that fix;
 *   pending while the case is not fixed (never fixed, or reopened since).
 * @throws RangeError for an invalid Date, target or warnAtPercent (outside 0–100).
 */
export function evaluateClocks(
  events: readonly ClockEvent[],
  policy: ClockPolicy,
  calendar: BusinessCalendar,
  now: Date,
): ClockState[] {
  assertPercent(policy.warnAtPercent);
  const nowMs = instantOf(now, 'now');
  const all = history(events, nowMs);
  const receivedIndex = all.findIndex((e) => e.type === 'received');
  const received = all[receivedIndex];
  if (received === undefined) {
    return clockKinds.filter((k) => policy.targets[k] !== undefined).map(pendingState);
  }
  const allPauses = pauseIntervals(all, policy.pauseStatuses, now);
  const ctx: Context = {
    events: all.slice(receivedIndex + 1),
    start: clockStartAt(received.at, policy.startRule, calendar),
    policy,
    calendar,
    now: nowMs,
    pausesOf: (clock) => (policy.pausedClocks.includes(clock) ? allPauses : []),
  };
  const states: ClockState[] = [];
  for (const clock of clockKinds) {
    const target = policy.targets[clock];
    if (clock === 'fix') {
      const state = fixClock(ctx, target);
      if (state !== undefined) states.push(state);
      continue;
    }
    if (target === undefined) continue;
    switch (clock) {
      case 'acknowledge':
        states.push(firstEventClock(ctx, clock, target, (e) => e.type === 'acknowledged'));
        break;
      case 'first_response':
        states.push(
          firstEventClock(ctx, clock, target, (e) => isStaffMessage(e, FIRST_RESPONSE_TYPES)),
        );
        break;
      case 'commitment':
        states.push(firstEventClock(ctx, clock, target, (e) => e.type === 'commitment'));
        break;
      case 'next_update':
        states.push(nextUpdateClock(ctx, target));
        break;
      case 'manager_update':
      case 'verification': {
        const state = afterFixClock(ctx, clock, target);
        if (state !== undefined) states.push(state);
        break;
      }
    }
  }
  return states;
}

/**
 * An internal clock with one start and an optional stop (a department answering a deadline
 * request, an approver answering): no pauses. A stop after `now` is not yet known.
 */
export function evaluateSimpleClock(
  startedAt: Date,
  stoppedAt: Date | null,
  target: Target,
  calendar: BusinessCalendar,
  now: Date,
  warnAtPercent: number,
): SimpleClockState {
  assertPercent(warnAtPercent);
  const nowMs = instantOf(now, 'now');
  const stop = stoppedAt !== null && instantOf(stoppedAt, 'stoppedAt') <= nowMs ? stoppedAt : null;
  const run: Run = {
    startedAt,
    schedule: scheduleOf(startedAt, target, calendar),
    stoppedAt: stop,
    pauses: [],
  };
  return evaluateRun(run, nowMs, warnAtPercent);
}

/**
 * The earliest due among clocks still running (including those already breached and not yet
 * stopped), for sorting the work queue; paused, pending and stopped clocks are ignored.
 */
export function nextDue(
  states: readonly ClockState[],
): { clock: ClockKind; dueAt: Date } | undefined {
  let best: { clock: ClockKind; dueAt: Date } | undefined;
  for (const s of states) {
    if (s.stoppedAt !== null || s.dueAt === null) continue;
    if (s.state !== 'running' && s.state !== 'breached') continue;
    if (best === undefined || s.dueAt.getTime() < best.dueAt.getTime()) {
      best = { clock: s.clock, dueAt: s.dueAt };
    }
  }
  return best;
}
