import { describe, expect, it } from 'vitest';
import { actionClockDecision, dueBucket, warnAtOf } from './action-clock.ts';

const start = new Date('2026-03-02T02:00:00Z');
const due = new Date('2026-03-12T02:00:00Z');

describe('warnAtOf', () => {
  it.each([
    ['ten days: two days before', start, due, '2026-03-10T02:00:00.000Z'],
    [
      'a due in the past warns at once',
      start,
      new Date('2026-03-01T00:00:00Z'),
      start.toISOString(),
    ],
    ['a due at the start warns at the start', start, start, start.toISOString()],
  ])('%s', (_, s, d, expected) => {
    expect(warnAtOf(s, d).toISOString()).toBe(expected);
  });
});

describe('actionClockDecision', () => {
  const open = { status: 'open' as const, dueAt: due, clockStartedAt: start };
  it.each([
    [
      'warning before its time waits',
      open,
      'warning',
      due,
      '2026-03-09T00:00:00Z',
      { kind: 'later', at: new Date('2026-03-10T02:00:00Z') },
    ],
    ['warning at its time warns', open, 'warning', due, '2026-03-10T02:00:00Z', { kind: 'warn' }],
    [
      'overdue before the due waits',
      open,
      'overdue',
      due,
      '2026-03-11T00:00:00Z',
      { kind: 'later', at: due },
    ],
    ['overdue at the due', open, 'overdue', due, '2026-03-12T02:00:00Z', { kind: 'overdue' }],
    [
      'in progress counts as open',
      { ...open, status: 'in_progress' as const },
      'overdue',
      due,
      '2026-03-13T00:00:00Z',
      { kind: 'overdue' },
    ],
    [
      'done: nothing',
      { ...open, status: 'done' as const },
      'overdue',
      due,
      '2026-03-13T00:00:00Z',
      { kind: 'nothing' },
    ],
    [
      'cancelled: nothing',
      { ...open, status: 'cancelled' as const },
      'warning',
      due,
      '2026-03-13T00:00:00Z',
      { kind: 'nothing' },
    ],
    [
      're-dated since: nothing',
      open,
      'overdue',
      new Date('2026-03-05T00:00:00Z'),
      '2026-03-13T00:00:00Z',
      { kind: 'nothing' },
    ],
  ] as const)('%s', (_, action, stage, jobDue, now, expected) => {
    expect(actionClockDecision(action, { stage, dueAt: jobDue }, new Date(now))).toEqual(expected);
  });
});

describe('dueBucket', () => {
  const now = new Date('2026-03-04T00:00:00Z');
  const endOfWeek = new Date('2026-03-08T17:00:00Z');
  it.each([
    ['2026-03-03T00:00:00Z', 'overdue'],
    ['2026-03-04T00:00:00Z', 'due_this_week'],
    ['2026-03-08T16:59:59Z', 'due_this_week'],
    ['2026-03-08T17:00:00Z', 'later'],
  ] as const)('%s is %s', (at, bucket) => {
    expect(dueBucket(new Date(at), now, endOfWeek)).toBe(bucket);
  });
});
