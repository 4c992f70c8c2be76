import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, Period } from './business-calendar.ts';
import {
  clockStartAt,
  evaluateClocks,
  evaluateSimpleClock,
  nextDue,
  pauseIntervals,
  type ClockEvent,
  type ClockKind,
  type ClockPolicy,
  type ClockSignal,
  type ClockState,
} from './clocks.ts';
import { findRegulatoryPreset } from './presets.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

/** Hà Nội office, Mon–Fri with a lunch break; 30 Apr and 1 May 2026 (Thu, Fri) are holidays. */
const VN: BusinessCalendar = {
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: {
    mon: OFFICE,
    tue: OFFICE,
    wed: OFFICE,
    thu: OFFICE,
    fri: OFFICE,
    sat: [],
    sun: [],
  },
  holidays: ['2026-04-30', '2026-05-01'],
  dateHours: {},
};

/** Local Hà Nội wall time "YYYY-MM-DD HH:MM[:SS]" (UTC+7, no DST) as an instant. */
const vn = (local: string) =>
  new Date(`${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+07:00`);
const iso = (local: string) => vn(local).toISOString();
const isoOf = (d: Date | null | undefined) => (d ? d.toISOString() : d);

const POLICY: ClockPolicy = {
  targets: {
    acknowledge: { amount: 30, unit: 'business_minutes' },
    first_response: { amount: 4, unit: 'business_hours' },
    next_update: { amount: 2, unit: 'business_days' },
    commitment: { amount: 1, unit: 'business_days' },
    manager_update: { amount: 1, unit: 'business_days' },
    verification: { amount: 2, unit: 'business_days' },
  },
  warnAtPercent: 75,
  pauseStatuses: ['waiting_customer'],
  pausedClocks: ['first_response', 'next_update', 'fix'],
  startRule: 'receipt',
};

type Actor = ClockEvent['actorType'];
const ev = (
  type: ClockSignal,
  at: string,
  actorType: Actor = 'user',
  data: Record<string, unknown> = {},
): ClockEvent => ({ type, at: vn(at), actorType, data });
const received = (at: string) => ev('received', at, 'customer');
const status = (at: string, from: string, to: string) =>
  ev('status_changed', at, 'user', { from, to });
const commit = (at: string, dueAt: string) => ev('commitment', at, 'user', { dueAt: iso(dueAt) });
const fixed = (at: string) => ev('fixed', at);
const message = (at: string, actorType: Actor = 'user') => ev('response', at, actorType);

function clockOf(states: ClockState[], kind: ClockKind): ClockState {
  const state = states.find((s) => s.clock === kind);
  if (state === undefined) throw new Error(`no ${kind} clock`);
  return state;
}

function evaluate(events: ClockEvent[], now: string, policy: ClockPolicy = POLICY) {
  return evaluateClocks(events, policy, VN, vn(now));
}

/** The fields most tests compare, with instants as ISO strings. */
function summary(s: ClockState) {
  return {
    state: s.state,
    startedAt: isoOf(s.startedAt),
    dueAt: isoOf(s.dueAt),
    stoppedAt: isoOf(s.stoppedAt),
  };
}

// 2026-03-02 is a Monday. Received Monday 09:00 unless a test says otherwise.
const RECEIVED = '2026-03-02 09:00';

describe('evaluateClocks: which clocks are tracked', () => {
  it('tracks only clocks with a target; fix appears with a commitment', () => {
    const before = evaluate([received(RECEIVED)], '2026-03-02 09:05');
    expect(before.map((s) => s.clock)).toEqual([
      'acknowledge',
      'first_response',
      'next_update',
      'commitment',
      'manager_update',
      'verification',
    ]);
    const after = evaluate(
      [received(RECEIVED), commit('2026-03-02 10:00', '2026-03-04 17:00')],
      '2026-03-02 10:05',
    );
    expect(after.map((s) => s.clock)).toContain('fix');
  });

  it('leaves every clock pending before the complaint is received', () => {
    const states = evaluate([], '2026-03-02 09:05');
    expect(states.every((s) => s.state === 'pending' && s.startedAt === null)).toBe(true);
    expect(clockOf(states, 'next_update')).toMatchObject({ cycles: 0, breachedCycles: 0 });
  });

  it('ignores events after now (replays the state as it was)', () => {
    const events = [received(RECEIVED), ev('acknowledged', '2026-03-02 09:20', 'system')];
    expect(clockOf(evaluate(events, '2026-03-02 09:10'), 'acknowledge').state).toBe('running');
    expect(clockOf(evaluate(events, '2026-03-02 09:25'), 'acknowledge').state).toBe('met');
  });

  it('sorts events by time, whatever order they come in', () => {
    const events = [ev('acknowledged', '2026-03-02 09:20', 'system'), received(RECEIVED)];
    expect(summary(clockOf(evaluate(events, '2026-03-02 10:00'), 'acknowledge'))).toEqual({
      state: 'met',
      startedAt: iso(RECEIVED),
      dueAt: iso('2026-03-02 09:30'),
      stoppedAt: iso('2026-03-02 09:20'),
    });
  });
});

describe('acknowledge', () => {
  it.each([
    ['acknowledged in time', '2026-03-02 09:20', 'met'],
    ['acknowledged exactly at the due', '2026-03-02 09:30', 'met'],
    ['acknowledged late', '2026-03-02 09:45', 'breached'],
  ])('%s', (_name, ackAt, state) => {
    const events = [received(RECEIVED), ev('acknowledged', ackAt, 'system')];
    const clock = clockOf(evaluate(events, '2026-03-02 12:00'), 'acknowledge');
    expect(summary(clock)).toEqual({
      state,
      startedAt: iso(RECEIVED),
      dueAt: iso('2026-03-02 09:30'),
      stoppedAt: iso(ackAt),
    });
    expect(clock.remainingSeconds).toBeNull();
    expect(clock.warnAt).toBeNull();
  });

  it('stops only at the first acknowledgement', () => {
    const events = [
      received(RECEIVED),
      ev('acknowledged', '2026-03-02 09:10', 'system'),
      ev('acknowledged', '2026-03-02 10:00', 'user'),
    ];
    expect(clockOf(evaluate(events, '2026-03-02 12:00'), 'acknowledge').stoppedAt).toEqual(
      vn('2026-03-02 09:10'),
    );
  });

  // The derived state moves with `now`: nothing is stored.
  it.each([
    ['2026-03-02 09:00', 'running', 1800, 0],
    ['2026-03-02 09:15', 'running', 900, 50],
    ['2026-03-02 09:30', 'running', 0, 100],
    ['2026-03-02 09:31', 'breached', -60, 100 + 100 / 30],
    // 09:30–12:00 and 13:00–13:10 are open: 160 business minutes overdue.
    ['2026-03-02 13:10', 'breached', -9600, 100 + 16000 / 30],
  ])('at %s it is %s with %d s left', (now, state, remaining, used) => {
    const clock = clockOf(evaluate([received(RECEIVED)], now), 'acknowledge');
    expect(clock.state).toBe(state);
    expect(clock.remainingSeconds).toBe(remaining);
    expect(clock.usedPercent).toBeCloseTo(used, 6);
    expect(clock.dueAt).toEqual(vn('2026-03-02 09:30'));
    expect(clock.warnAt).toEqual(vn('2026-03-02 09:22:30'));
  });
});

describe('first_response', () => {
  it.each([
    ['a staff message', [message('2026-03-02 11:00')], '2026-03-02 11:00'],
    ['a read-back by the API', [ev('response', '2026-03-02 11:00', 'api')], '2026-03-02 11:00'],
    ['a commitment', [commit('2026-03-02 11:00', '2026-03-04 17:00')], '2026-03-02 11:00'],
    [
      'not a customer message, a system message, an acknowledgement or a fix',
      [
        message('2026-03-02 09:30', 'customer'),
        message('2026-03-02 09:31', 'system'),
        ev('acknowledged', '2026-03-02 09:32'),
        message('2026-03-02 15:00'),
      ],
      '2026-03-02 15:00',
    ],
  ])('stops at %s', (_name, events, stoppedAt) => {
    const clock = clockOf(
      evaluate([received(RECEIVED), ...events], '2026-03-03 12:00'),
      'first_response',
    );
    expect(isoOf(clock.stoppedAt)).toBe(iso(stoppedAt));
    expect(clock.state).toBe(vn(stoppedAt) <= vn('2026-03-02 14:00') ? 'met' : 'breached');
  });

  it('warns at 75% of the target', () => {
    const clock = clockOf(evaluate([received(RECEIVED)], '2026-03-02 10:00'), 'first_response');
    expect(summary(clock)).toMatchObject({ state: 'running', dueAt: iso('2026-03-02 14:00') });
    expect(isoOf(clock.warnAt)).toBe(iso('2026-03-02 12:00')); // 3 business hours in
  });
});

describe('pauses', () => {
  const waiting = (at: string) => status(at, 'in_progress', 'waiting_customer');
  const resumed = (at: string) => status(at, 'waiting_customer', 'in_progress');

  it('pause and resume extend the due by exactly the paused business time', () => {
    const events = [received(RECEIVED), waiting('2026-03-02 10:00'), resumed('2026-03-02 11:30')];
    const states = evaluate(events, '2026-03-02 12:30');
    const clock = clockOf(states, 'first_response');
    expect(clock.state).toBe('running');
    expect(isoOf(clock.dueAt)).toBe(iso('2026-03-02 15:30'));
    // 09:00–10:00 and 11:30–12:00 used; lunch does not count.
    expect(clock.remainingSeconds).toBe(2.5 * 3600);
    expect(clock.pauses).toEqual([{ from: vn('2026-03-02 10:00'), to: vn('2026-03-02 11:30') }]);
    // acknowledge is not in pausedClocks.
    expect(clockOf(states, 'acknowledge')).toMatchObject({
      dueAt: vn('2026-03-02 09:30'),
      pauses: [],
    });
  });

  it('a pause over the weekend adds nothing', () => {
    const events = [
      received('2026-03-06 15:00'), // Friday
      waiting('2026-03-06 17:30'),
      resumed('2026-03-09 07:30'),
    ];
    const clock = clockOf(evaluate(events, '2026-03-09 08:00'), 'first_response');
    expect(isoOf(clock.dueAt)).toBe(iso('2026-03-09 10:00'));
    expect(clock.pauses).toHaveLength(1);
  });

  it('an open pause gives "paused" with no due and what is left', () => {
    const events = [received(RECEIVED), waiting('2026-03-02 10:00')];
    const clock = clockOf(evaluate(events, '2026-03-02 15:00'), 'first_response');
    expect(clock).toMatchObject({
      state: 'paused',
      dueAt: null,
      warnAt: null,
      stoppedAt: null,
      remainingSeconds: 3 * 3600,
      usedPercent: 25,
      pauses: [{ from: vn('2026-03-02 10:00'), to: null }],
    });
  });

  it('a pause that opens exactly now already pauses the clock', () => {
    const events = [received(RECEIVED), waiting('2026-03-02 10:00')];
    const clock = clockOf(evaluate(events, '2026-03-02 10:00'), 'first_response');
    expect(clock).toMatchObject({ state: 'paused', dueAt: null, remainingSeconds: 3 * 3600 });
    expect(clock.pauses).toEqual([{ from: vn('2026-03-02 10:00'), to: null }]);
  });

  it('a pause that began after the due keeps the clock breached', () => {
    const events = [received(RECEIVED), waiting('2026-03-02 15:00')];
    const clock = clockOf(evaluate(events, '2026-03-02 16:00'), 'first_response');
    expect(summary(clock)).toMatchObject({ state: 'breached', dueAt: iso('2026-03-02 14:00') });
    expect(clock.remainingSeconds).toBe(-3600); // frozen since 15:00
  });

  it('a pause still open when the clock stops is cut at the stop', () => {
    const events = [received(RECEIVED), waiting('2026-03-02 10:00'), message('2026-03-02 16:00')];
    const clock = clockOf(evaluate(events, '2026-03-03 09:00'), 'first_response');
    expect(clock.state).toBe('met');
    expect(clock.pauses).toEqual([{ from: vn('2026-03-02 10:00'), to: vn('2026-03-02 16:00') }]);
    expect(clock.usedPercent).toBe(25);
  });
});

describe('pauseIntervals', () => {
  it.each([
    ['none', [], []],
    [
      'closed and open',
      [
        status('2026-03-02 10:00', 'in_progress', 'waiting_customer'),
        status('2026-03-02 11:00', 'waiting_customer', 'in_progress'),
        status('2026-03-02 14:00', 'in_progress', 'waiting_customer'),
      ],
      [
        { from: '2026-03-02 10:00', to: '2026-03-02 11:00' },
        { from: '2026-03-02 14:00', to: null },
      ],
    ],
    [
      'moving between two pause statuses keeps one pause',
      [
        status('2026-03-02 10:00', 'in_progress', 'waiting_customer'),
        status('2026-03-02 11:00', 'waiting_customer', 'waiting_third_party'),
        status('2026-03-02 12:00', 'waiting_third_party', 'fixed'),
      ],
      [{ from: '2026-03-02 10:00', to: '2026-03-02 12:00' }],
    ],
    [
      'a zero-length pause is dropped; events after now are ignored',
      [
        status('2026-03-02 10:00', 'in_progress', 'waiting_customer'),
        status('2026-03-02 10:00', 'waiting_customer', 'in_progress'),
        status('2026-03-02 18:00', 'in_progress', 'waiting_customer'),
      ],
      [],
    ],
  ])('%s', (_name, events, expected) => {
    const got = pauseIntervals(
      events,
      ['waiting_customer', 'waiting_third_party'],
      vn('2026-03-02 17:00'),
    );
    expect(got).toEqual(
      expected.map((p) => ({ from: vn(p.from), to: p.to === null ? null : vn(p.to) })),
    );
  });
});

describe('commitment and fix', () => {
  it('commitment stops at the first commitment made', () => {
    const events = [received(RECEIVED), commit('2026-03-03 08:30', '2026-03-05 17:00')];
    expect(summary(clockOf(evaluate(events, '2026-03-04 09:00'), 'commitment'))).toEqual({
      state: 'met',
      startedAt: iso(RECEIVED),
      dueAt: iso('2026-03-03 09:00'),
      stoppedAt: iso('2026-03-03 08:30'),
    });
  });

  it.each([
    ['before the fix', [], '2026-03-05 12:00', 'running', null],
    ['fixed in time', [fixed('2026-03-06 10:00')], '2026-03-06 12:00', 'met', '2026-03-06 10:00'],
    ['fixed late', [fixed('2026-03-10 09:00')], '2026-03-10 12:00', 'breached', '2026-03-10 09:00'],
    ['not fixed, past the due', [], '2026-03-09 17:01', 'breached', null],
  ])('a re-commitment moves the fix due (%s)', (_name, extra, now, state, stoppedAt) => {
    const events = [
      received(RECEIVED),
      commit('2026-03-02 10:00', '2026-03-05 17:00'),
      commit('2026-03-04 10:00', '2026-03-09 17:00'),
      ...extra,
    ];
    expect(summary(clockOf(evaluate(events, now), 'fix'))).toEqual({
      state,
      startedAt: iso('2026-03-02 10:00'), // no fix target: the clock starts with the first promise
      dueAt: iso('2026-03-09 17:00'),
      stoppedAt: stoppedAt === null ? null : iso(stoppedAt),
    });
  });

  it.each([
    ['fixed', [], '2026-03-03 12:00', 'met', '2026-03-03 10:00'],
    [
      'reopened: runs again, same due',
      [status('2026-03-03 15:00', 'fixed', 'in_progress')],
      '2026-03-04 12:00',
      'running',
      null,
    ],
    [
      'reopened and past the due',
      [status('2026-03-03 15:00', 'fixed', 'in_progress')],
      '2026-03-05 09:00',
      'breached',
      null,
    ],
    [
      'reopened and fixed again late',
      [status('2026-03-03 15:00', 'fixed', 'in_progress'), fixed('2026-03-05 10:00')],
      '2026-03-05 12:00',
      'breached',
      '2026-03-05 10:00',
    ],
    [
      'reopened from closed and fixed again in time',
      [
        status('2026-03-03 11:00', 'fixed', 'closed'),
        status('2026-03-03 15:00', 'closed', 'in_progress'),
        fixed('2026-03-04 16:00'),
      ],
      '2026-03-05 12:00',
      'met',
      '2026-03-04 16:00',
    ],
  ])('reopen after fix (%s)', (_name, extra, now, state, stoppedAt) => {
    const events = [
      received(RECEIVED),
      commit('2026-03-02 10:00', '2026-03-04 17:00'),
      status('2026-03-03 10:00', 'in_progress', 'fixed'),
      fixed('2026-03-03 10:00'),
      ...extra,
    ];
    const clock = clockOf(evaluate(events, now), 'fix');
    expect(summary(clock)).toEqual({
      state,
      startedAt: iso('2026-03-02 10:00'),
      dueAt: iso('2026-03-04 17:00'),
      stoppedAt: stoppedAt === null ? null : iso(stoppedAt),
    });
  });

  it('moves a committed due by a pause, unless the policy says pauses leave it', () => {
    const events = [
      received(RECEIVED),
      commit('2026-03-02 10:00', '2026-03-04 17:00'),
      status('2026-03-03 09:00', 'in_progress', 'waiting_customer'),
      status('2026-03-03 11:00', 'waiting_customer', 'in_progress'),
    ];
    // Two business hours waiting for the customer move the due two business hours on: 17:00
    // Wednesday becomes 10:00 Thursday.
    expect(clockOf(evaluate(events, '2026-03-03 12:00'), 'fix').dueAt).toEqual(
      vn('2026-03-05 10:00'),
    );
    const keep = { ...POLICY, pauseMovesCommitment: false };
    const kept = clockOf(evaluate(events, '2026-03-03 12:00', keep), 'fix');
    expect(kept).toMatchObject({ state: 'running', dueAt: vn('2026-03-04 17:00'), pauses: [] });
    // The re-commitment the pause causes sets the moved due; later the clock adds nothing more.
    const recommitted = [...events, commit('2026-03-03 11:00', '2026-03-05 10:00')];
    expect(clockOf(evaluate(recommitted, '2026-03-03 12:00'), 'fix').dueAt).toEqual(
      vn('2026-03-05 10:00'),
    );
  });

  it('with a fix target, runs from receipt until a commitment sets the due', () => {
    const policy: ClockPolicy = {
      ...POLICY,
      targets: { fix: { amount: 8, unit: 'calendar_weeks' } },
    };
    const before = clockOf(evaluate([received(RECEIVED)], '2026-03-03 09:00', policy), 'fix');
    expect(summary(before)).toEqual({
      state: 'running',
      startedAt: iso(RECEIVED),
      dueAt: iso('2026-04-27 09:00'),
      stoppedAt: null,
    });
    const events = [received(RECEIVED), commit('2026-03-03 10:00', '2026-03-13 17:00')];
    const after = clockOf(evaluate(events, '2026-03-04 09:00', policy), 'fix');
    expect(summary(after)).toMatchObject({
      startedAt: iso(RECEIVED),
      dueAt: iso('2026-03-13 17:00'),
    });
  });

  it('a pause after the promise extends it; a pause before it does not', () => {
    const events = [
      received(RECEIVED),
      status('2026-03-02 09:30', 'new', 'waiting_customer'),
      status('2026-03-02 11:30', 'waiting_customer', 'in_progress'),
      commit('2026-03-02 14:00', '2026-03-04 17:00'),
      status('2026-03-03 09:00', 'in_progress', 'waiting_customer'),
      status('2026-03-03 11:00', 'waiting_customer', 'in_progress'),
    ];
    const clock = clockOf(evaluate(events, '2026-03-03 12:00'), 'fix');
    expect(isoOf(clock.dueAt)).toBe(iso('2026-03-05 10:00')); // Wed 17:00 + 2 business hours
    expect(clock.pauses).toEqual([{ from: vn('2026-03-03 09:00'), to: vn('2026-03-03 11:00') }]);
  });
});

describe('next_update', () => {
  const base = [
    received(RECEIVED), // cycle 1 due Wed 09:00
    message('2026-03-03 10:00'), // in time; cycle 2 due Thu 10:00
    message('2026-03-04 12:00', 'customer'), // customers do not restart it
    message('2026-03-06 09:00'), // late; cycle 3 due Tue 10 Mar 09:00
  ];

  it.each([
    [
      'mid-way',
      [],
      '2026-03-09 12:00',
      'running',
      3,
      1,
      '2026-03-06 09:00',
      '2026-03-10 09:00',
      null,
    ],
    [
      'the current cycle overdue',
      [],
      '2026-03-10 10:00',
      'breached',
      3,
      2,
      '2026-03-06 09:00',
      '2026-03-10 09:00',
      null,
    ],
    [
      'stopped by the fix after the due',
      [fixed('2026-03-11 10:00')],
      '2026-03-11 12:00',
      'breached',
      3,
      2,
      '2026-03-06 09:00',
      '2026-03-10 09:00',
      '2026-03-11 10:00',
    ],
    [
      'stopped by closing in time',
      [status('2026-03-09 10:00', 'in_progress', 'closed')],
      '2026-03-12 12:00',
      'met',
      3,
      1,
      '2026-03-06 09:00',
      '2026-03-10 09:00',
      '2026-03-09 10:00',
    ],
    [
      'restarted by a reopen',
      [fixed('2026-03-09 10:00'), status('2026-03-12 09:00', 'fixed', 'in_progress')],
      '2026-03-12 12:00',
      'running',
      4,
      1,
      '2026-03-12 09:00',
      '2026-03-16 09:00',
      null,
    ],
    [
      'restarted by a manager update and a commitment',
      [ev('manager_update', '2026-03-09 10:00'), commit('2026-03-09 11:00', '2026-03-20 17:00')],
      '2026-03-09 12:00',
      'running',
      5,
      1,
      '2026-03-09 11:00',
      '2026-03-11 11:00',
      null,
    ],
  ])('%s', (_name, extra, now, state, cycles, breachedCycles, startedAt, dueAt, stoppedAt) => {
    const clock = clockOf(evaluate([...base, ...extra], now), 'next_update');
    expect(summary(clock)).toEqual({
      state,
      startedAt: iso(startedAt),
      dueAt: iso(dueAt),
      stoppedAt: stoppedAt === null ? null : iso(stoppedAt),
    });
    expect(clock).toMatchObject({ cycles, breachedCycles });
  });

  it('pauses extend the current cycle', () => {
    const events = [
      received(RECEIVED),
      status('2026-03-03 09:00', 'in_progress', 'waiting_customer'),
      status('2026-03-03 12:00', 'waiting_customer', 'in_progress'),
    ];
    const clock = clockOf(evaluate(events, '2026-03-03 13:00'), 'next_update');
    expect(isoOf(clock.dueAt)).toBe(iso('2026-03-04 12:00')); // Wed 09:00 + 3 business hours
  });
});

describe('manager_update and verification', () => {
  it('manager_update is pending until the fix, then runs to the first update after it', () => {
    const events = [
      received(RECEIVED),
      ev('manager_update', '2026-03-02 15:00'), // before the fix: does not count
      fixed('2026-03-03 10:00'),
    ];
    expect(clockOf(evaluate(events.slice(0, 2), '2026-03-02 16:00'), 'manager_update').state).toBe(
      'pending',
    );
    expect(summary(clockOf(evaluate(events, '2026-03-03 11:00'), 'manager_update'))).toEqual({
      state: 'running',
      startedAt: iso('2026-03-03 10:00'),
      dueAt: iso('2026-03-04 10:00'),
      stoppedAt: null,
    });
    const done = [...events, ev('manager_update', '2026-03-04 09:00')];
    expect(clockOf(evaluate(done, '2026-03-04 12:00'), 'manager_update')).toMatchObject({
      state: 'met',
      stoppedAt: vn('2026-03-04 09:00'),
    });
  });

  it('verification starts after the promised date, not at the fix', () => {
    const events = [
      received(RECEIVED),
      commit('2026-03-02 10:00', '2026-03-05 17:00'),
      fixed('2026-03-03 10:00'),
    ];
    // Before the promised date it is pending, with its planned start and due: 2 business days
    // from Thursday 17:00 is Monday at the same time.
    expect(summary(clockOf(evaluate(events, '2026-03-04 12:00'), 'verification'))).toEqual({
      state: 'pending',
      startedAt: iso('2026-03-05 17:00'),
      dueAt: iso('2026-03-09 17:00'),
      stoppedAt: null,
    });
    expect(clockOf(evaluate(events, '2026-03-06 09:00'), 'verification').state).toBe('running');
    const verified = [...events, ev('verification', '2026-03-09 11:00')];
    expect(clockOf(evaluate(verified, '2026-03-09 12:00'), 'verification')).toMatchObject({
      state: 'met',
      stoppedAt: vn('2026-03-09 11:00'),
    });
  });

  it.each([
    ['never fixed', []],
    [
      'reopened after the fix',
      [fixed('2026-03-03 10:00'), status('2026-03-04 10:00', 'fixed', 'in_progress')],
    ],
  ])('verification is pending while the case is not fixed (%s)', (_name, extra) => {
    const clock = clockOf(
      evaluate([received(RECEIVED), ...extra], '2026-03-05 12:00'),
      'verification',
    );
    expect(clock).toMatchObject({ state: 'pending', startedAt: null, dueAt: null });
  });

  it('without a commitment, verification starts at the fix', () => {
    const events = [received(RECEIVED), fixed('2026-03-03 10:00')];
    expect(clockOf(evaluate(events, '2026-03-03 11:00'), 'verification')).toMatchObject({
      state: 'running',
      startedAt: vn('2026-03-03 10:00'),
      dueAt: vn('2026-03-05 10:00'),
    });
  });
});

describe('start rule and units', () => {
  it.each([
    ['received on a Friday afternoon', '2026-03-06 16:00', '2026-03-09 08:00'],
    ['received before opening on a business day', '2026-03-02 07:00', '2026-03-03 08:00'],
    ['received on a Saturday', '2026-03-07 10:00', '2026-03-09 08:00'],
    ['received before two holidays', '2026-04-29 10:00', '2026-05-04 08:00'],
  ])('next_business_day: %s', (_name, at, start) => {
    expect(clockStartAt(vn(at), 'next_business_day', VN)).toEqual(vn(start));
    expect(clockStartAt(vn(at), 'receipt', VN)).toEqual(vn(at));
  });

  it('next_business_day: pending until the start, then running', () => {
    const policy: ClockPolicy = { ...POLICY, startRule: 'next_business_day' };
    const events = [received('2026-03-06 16:00')];
    expect(summary(clockOf(evaluate(events, '2026-03-07 10:00', policy), 'acknowledge'))).toEqual({
      state: 'pending',
      startedAt: iso('2026-03-09 08:00'),
      dueAt: iso('2026-03-09 08:30'),
      stoppedAt: null,
    });
    const running = clockOf(evaluate(events, '2026-03-09 08:10', policy), 'acknowledge');
    expect(running).toMatchObject({ state: 'running', remainingSeconds: 1200 });
    // An acknowledgement sent at receipt, before the start, meets the target.
    const acked = [...events, ev('acknowledged', '2026-03-06 16:00', 'system')];
    expect(clockOf(evaluate(acked, '2026-03-07 10:00', policy), 'acknowledge').state).toBe('met');
  });

  it.each([
    ['calendar_days', '2026-05-01 10:00'],
    ['business_days', '2026-05-05 10:00'],
  ] as const)('commitment in 3 %s', (unit, due) => {
    const policy: ClockPolicy = { ...POLICY, targets: { commitment: { amount: 3, unit } } };
    const clock = clockOf(
      evaluate([received('2026-04-28 10:00')], '2026-04-28 11:00', policy),
      'commitment',
    );
    expect(isoOf(clock.dueAt)).toBe(iso(due));
  });

  it('FCA summary resolution: received Friday 16:00, due Wednesday 17:00, warned at 75%', () => {
    const preset = findRegulatoryPreset('uk-fca-disp-summary');
    const policy: ClockPolicy = { ...POLICY, targets: preset?.targets ?? {} };
    const clock = clockOf(
      evaluate([received('2026-03-06 16:00')], '2026-03-09 09:00', policy),
      'fix',
    );
    expect(summary(clock)).toEqual({
      state: 'running',
      startedAt: iso('2026-03-06 16:00'),
      dueAt: iso('2026-03-11 17:00'),
      stoppedAt: null,
    });
    // 25 business hours in all; 75% is 18h45m: Fri 1h, Mon 8h, Tue 8h, Wed 08:00–09:45.
    expect(isoOf(clock.warnAt)).toBe(iso('2026-03-11 09:45'));
    expect(clock.remainingSeconds).toBe(23 * 3600);
  });
});

describe('cancellation', () => {
  it.each([
    ['in time: running clocks are met', '2026-03-02 10:00', 'met'],
    ['after the due: running clocks are breached', '2026-03-04 10:00', 'breached'],
  ])('%s', (_name, cancelAt, state) => {
    const events = [
      received(RECEIVED),
      ev('acknowledged', '2026-03-02 09:10', 'system'),
      status(cancelAt, 'in_progress', 'cancelled'),
    ];
    const states = evaluate(events, '2026-03-05 12:00');
    for (const kind of ['first_response', 'commitment', 'next_update'] as const) {
      expect(clockOf(states, kind)).toMatchObject({ state, stoppedAt: vn(cancelAt) });
    }
    expect(clockOf(states, 'acknowledge').stoppedAt).toEqual(vn('2026-03-02 09:10'));
    expect(clockOf(states, 'manager_update').state).toBe('pending');
    expect(nextDue(states)).toBeUndefined();
  });
});

describe('nextDue', () => {
  const state = (clock: ClockKind, s: ClockState['state'], dueAt: string | null, stopped = false) =>
    ({
      clock,
      state: s,
      startedAt: vn(RECEIVED),
      dueAt: dueAt === null ? null : vn(dueAt),
      warnAt: null,
      stoppedAt: stopped ? vn('2026-03-02 10:00') : null,
      remainingSeconds: null,
      usedPercent: null,
      pauses: [],
    }) satisfies ClockState;

  it.each([
    ['empty', [], undefined],
    [
      'ignores paused, stopped and pending clocks',
      [
        state('acknowledge', 'met', '2026-03-02 09:30', true),
        state('first_response', 'paused', null),
        state('verification', 'pending', '2026-03-02 09:40'),
        state('commitment', 'running', '2026-03-03 09:00'),
        state('next_update', 'running', '2026-03-04 09:00'),
      ],
      { clock: 'commitment', dueAt: '2026-03-03 09:00' },
    ],
    [
      'a breached clock still running comes first',
      [
        state('commitment', 'running', '2026-03-03 09:00'),
        state('acknowledge', 'breached', '2026-03-02 09:30'),
      ],
      { clock: 'acknowledge', dueAt: '2026-03-02 09:30' },
    ],
    [
      'a stopped breached clock does not count',
      [state('acknowledge', 'breached', '2026-03-02 09:30', true)],
      undefined,
    ],
  ])('%s', (_name, states, expected) => {
    const got = nextDue(states);
    expect(got && { clock: got.clock, dueAt: got.dueAt.toISOString() }).toEqual(
      expected && { clock: expected.clock, dueAt: iso(expected.dueAt) },
    );
  });

  it('from evaluated clocks, skips the paused first response', () => {
    const events = [
      received(RECEIVED),
      ev('acknowledged', '2026-03-02 09:10', 'system'),
      status('2026-03-02 09:20', 'new', 'waiting_customer'),
    ];
    const due = nextDue(evaluate(events, '2026-03-02 10:00'));
    expect(due).toEqual({ clock: 'commitment', dueAt: vn('2026-03-03 09:00') });
  });
});

describe('evaluateSimpleClock', () => {
  const target = { amount: 30, unit: 'business_minutes' } as const;
  it.each([
    ['pending before the start', null, '2026-03-02 08:50', 'pending', null, null],
    ['running', null, '2026-03-02 09:15', 'running', 900, '2026-03-02 09:22:30'],
    [
      'a stop after now is not known yet',
      '2026-03-02 09:40',
      '2026-03-02 09:15',
      'running',
      900,
      '2026-03-02 09:22:30',
    ],
    ['answered in time', '2026-03-02 09:20', '2026-03-02 10:00', 'met', null, null],
    ['answered late', '2026-03-02 09:40', '2026-03-02 10:00', 'breached', null, null],
    ['not answered', null, '2026-03-02 10:00', 'breached', -1800, '2026-03-02 09:22:30'],
  ])('%s', (_name, stoppedAt, now, state, remaining, warnAt) => {
    const got = evaluateSimpleClock(
      vn('2026-03-02 09:00'),
      stoppedAt === null ? null : vn(stoppedAt),
      target,
      VN,
      vn(now),
      75,
    );
    expect(got.state).toBe(state);
    expect(got.dueAt).toEqual(vn('2026-03-02 09:30'));
    expect(got.remainingSeconds).toBe(remaining);
    expect(isoOf(got.warnAt)).toBe(warnAt === null ? null : iso(warnAt));
  });

  it('rejects a warning share outside 0–100', () => {
    expect(() => evaluateSimpleClock(vn(RECEIVED), null, target, VN, vn(RECEIVED), 150)).toThrow(
      RangeError,
    );
  });
});
