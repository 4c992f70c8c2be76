import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, Period } from './business-calendar.ts';
import type { ClockEvent, ClockKind, ClockPolicy } from './clocks.ts';
import {
  evaluateWithOverlays,
  OPERATIONAL_SOURCE,
  overlayClockPolicy,
  overlayFromPreset,
  overlayProblem,
} from './overlays.ts';
import { choosePolicy } from './policy-choice.ts';
import { findRegulatoryPreset, type RegulatoryPreset } from './presets.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
/** The default calendar of a Vietnamese org with the generated 2026 holidays (Tết: 16–20 Feb). */
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
  holidays: ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
  dateHours: {},
};
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const iso = (local: string) => vn(local).toISOString();
const ev = (
  type: ClockEvent['type'],
  at: string,
  data: Record<string, unknown> = {},
): ClockEvent => ({
  type,
  at: vn(at),
  actorType: 'user',
  data,
});
const preset = (code: string): RegulatoryPreset => {
  const found = findRegulatoryPreset(code);
  if (!found) throw new Error(code);
  return found;
};
const legal = (code: string, dayCount?: 'end_of_day' | 'same_time') => {
  const overlay = overlayFromPreset(preset(code), 'calendar');
  return {
    source: code,
    policy: overlayClockPolicy(dayCount ? { ...overlay, dayCount } : overlay, 75),
    calendar: VN,
  };
};

const common = {
  warnAtPercent: 75,
  pauseStatuses: ['waiting_customer'],
  pausedClocks: ['first_response', 'next_update', 'commitment', 'fix'] as ClockKind[],
  startRule: 'receipt' as const,
};
/** The two policies a new org starts with. */
const standard = {
  id: 'standard',
  name: 'Tiêu chuẩn',
  priority: 100,
  active: true,
  match: { reasonIds: [], severities: [], channels: [], tiers: [] },
  clock: {
    ...common,
    targets: {
      acknowledge: { amount: 1, unit: 'business_hours' },
      first_response: { amount: 4, unit: 'business_hours' },
      next_update: { amount: 2, unit: 'business_days' },
      commitment: { amount: 1, unit: 'business_days' },
    },
  } satisfies ClockPolicy,
};
const urgent = {
  ...standard,
  id: 'urgent',
  name: 'Khẩn cấp',
  priority: 10,
  match: { ...standard.match, severities: ['high', 'critical'] },
  clock: {
    ...common,
    targets: {
      acknowledge: { amount: 30, unit: 'business_minutes' },
      first_response: { amount: 1, unit: 'business_hours' },
      next_update: { amount: 1, unit: 'business_days' },
      commitment: { amount: 4, unit: 'business_hours' },
    },
  } satisfies ClockPolicy,
};

const keyOf = (s: { source: string; clock: string }) => `${s.source}:${s.clock}`;

describe('a regulatory overlay', () => {
  it.each(['low', 'medium', 'high', 'critical'])(
    'keeps every operational clock and adds the legal one, for a %s complaint',
    (severity) => {
      const chosen = choosePolicy([standard, urgent], {
        reasonId: null,
        severity,
        channel: 'web',
        customerTier: null,
      });
      if (!chosen) throw new Error('no policy');
      const states = evaluateWithOverlays(
        [ev('received', '2026-03-02 09:00')],
        { policy: chosen.clock, calendar: VN },
        [legal('vn-law-19-2023')],
        vn('2026-03-02 09:30'),
      );
      expect(states.map(keyOf)).toEqual([
        'policy:acknowledge',
        'policy:first_response',
        'policy:next_update',
        'policy:commitment',
        'vn-law-19-2023:commitment',
      ]);
      const operational = states.find((s) => keyOf(s) === 'policy:commitment');
      // Standard: one business day; urgent: four business hours (09:00 + 4 = 14:00 over lunch).
      expect(operational?.dueAt?.toISOString()).toBe(
        chosen.id === 'urgent' ? iso('2026-03-02 14:00') : iso('2026-03-03 09:00'),
      );
      // The legal clock is the same whatever the severity: 24:00 of the 7th working day after
      // Monday 2 March (3, 4, 5, 6, 9, 10, 11 March).
      expect(states.find((s) => s.source === 'vn-law-19-2023')?.dueAt?.toISOString()).toBe(
        iso('2026-03-12 00:00'),
      );
    },
  );

  it('runs alone when no operational policy applies', () => {
    const states = evaluateWithOverlays(
      [ev('received', '2026-03-02 09:00')],
      undefined,
      [legal('au-asic-rg271')],
      vn('2026-03-02 10:00'),
    );
    expect(states.map(keyOf)).toEqual(['au-asic-rg271:acknowledge', 'au-asic-rg271:fix']);
  });

  it('runs both FCA clocks, 3 business days and 8 weeks, beside the fix clock of the promise', () => {
    const events = [
      ev('received', '2026-03-06 16:00'),
      ev('commitment', '2026-03-06 16:30', { dueAt: iso('2026-03-20 12:00') }),
    ];
    const states = evaluateWithOverlays(
      events,
      { policy: standard.clock, calendar: VN },
      [legal('uk-fca-disp-summary'), legal('uk-fca-disp-final')],
      vn('2026-03-09 10:00'),
    );
    const fixes = states.filter((s) => s.clock === 'fix');
    expect(fixes.map((s) => [s.source, s.state, s.dueAt?.toISOString()])).toEqual([
      // The promise the agent made.
      [OPERATIONAL_SOURCE, 'running', iso('2026-03-20 12:00')],
      // Close of business on the 3rd business day after Friday 6 March: Wednesday 11 March.
      ['uk-fca-disp-summary', 'running', iso('2026-03-11 17:00')],
      // Eight weeks from receipt, whatever was promised.
      ['uk-fca-disp-final', 'running', iso('2026-05-01 16:00')],
    ]);
  });

  it('does not pause while the case waits for the customer, and stops at the fix', () => {
    const waiting = [
      ev('received', '2026-03-02 09:00'),
      ev('status_changed', '2026-03-02 10:00', { from: 'new', to: 'waiting_customer' }),
    ];
    const paused = evaluateWithOverlays(
      waiting,
      { policy: standard.clock, calendar: VN },
      [legal('us-cfpb')],
      vn('2026-03-03 10:00'),
    );
    expect(paused.find((s) => keyOf(s) === 'policy:first_response')?.state).toBe('paused');
    expect(paused.find((s) => keyOf(s) === 'us-cfpb:first_response')).toMatchObject({
      state: 'running',
      dueAt: vn('2026-03-17 09:00'),
    });
    const fixed = [...waiting, ev('fixed', '2026-03-04 11:00')];
    expect(
      evaluateWithOverlays(fixed, undefined, [legal('us-cfpb')], vn('2026-03-05 09:00')).find(
        (s) => keyOf(s) === 'us-cfpb:fix',
      ),
    ).toMatchObject({ state: 'met', stoppedAt: vn('2026-03-04 11:00') });
  });
});

describe('Law 19/2023 Art. 57(2): 7 working days from the day the request is received', () => {
  // Received on the Friday before Tết 2026 (13 February). The day of receipt does not count; Tết
  // closes 16–20 February; the working days are 23, 24, 25, 26, 27 February, 2 and 3 March.
  it.each([
    ['Friday 15:00', '2026-02-13 15:00', 'end_of_day', '2026-03-04 00:00'],
    ['Friday 15:00', '2026-02-13 15:00', 'same_time', '2026-03-03 15:00'],
    // After closing: the same day of receipt; the same time of day is clamped to that day's close.
    ['Friday 20:00', '2026-02-13 20:00', 'end_of_day', '2026-03-04 00:00'],
    ['Friday 20:00', '2026-02-13 20:00', 'same_time', '2026-03-03 17:00'],
    // Received on the Saturday: Saturday is not counted either.
    ['Saturday 10:00', '2026-02-14 10:00', 'end_of_day', '2026-03-04 00:00'],
    ['Saturday 10:00', '2026-02-14 10:00', 'same_time', '2026-03-03 10:00'],
    // Received in Tết itself, on Wednesday 18 February.
    ['Wednesday in Tết', '2026-02-18 09:00', 'end_of_day', '2026-03-04 00:00'],
  ] as const)('received %s, read to %s', (_label, received, dayCount, due) => {
    const [state] = evaluateWithOverlays(
      [ev('received', received)],
      undefined,
      [legal('vn-law-19-2023', dayCount)],
      vn('2026-02-23 09:00'),
    );
    expect(state).toMatchObject({
      source: 'vn-law-19-2023',
      clock: 'commitment',
      state: 'running',
    });
    expect(state?.dueAt?.toISOString()).toBe(iso(due));
  });

  it('reads to the end of the day by default, as the Civil Code counts', () => {
    expect(overlayFromPreset(preset('vn-law-19-2023'), 'c').dayCount).toBe('end_of_day');
    expect(overlayFromPreset(preset('uk-fca-disp-final'), 'c').dayCount).toBeNull();
  });
});

describe('overlayProblem', () => {
  it.each([
    [
      'vn-law-19-2023',
      { commitment: { amount: 10, unit: 'business_days' } },
      'same_time',
      undefined,
    ],
    ['vn-law-19-2023', { fix: { amount: 7, unit: 'business_days' } }, null, 'targets.fix'],
    ['vn-law-19-2023', {}, null, 'targets'],
    ['uk-fca-disp-final', { fix: { amount: 8, unit: 'calendar_weeks' } }, 'end_of_day', 'dayCount'],
    [
      'uk-psr-payment-services',
      { fix: { amount: 35, unit: 'business_days' } },
      'end_of_day',
      undefined,
    ],
  ] as const)('%s %j %s', (code, targets, dayCount, problem) => {
    expect(overlayProblem(preset(code), { targets, dayCount })).toBe(problem);
  });
});
