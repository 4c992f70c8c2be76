import { describe, expect, it } from 'vitest';
import { clockEventTypes, toClockEvents } from './clock-events.ts';
import { complaintEvents } from './events.ts';

const at = new Date('2026-03-02T02:00:00Z');

describe('toClockEvents', () => {
  it.each([
    [complaintEvents.received, 'received'],
    [complaintEvents.acknowledged, 'acknowledged'],
    [complaintEvents.statusChanged, 'status_changed'],
    [complaintEvents.messageSent, 'response'],
    [complaintEvents.readbackSent, 'response'],
    [complaintEvents.commitmentMade, 'commitment'],
    [complaintEvents.fixed, 'fixed'],
    [complaintEvents.managerUpdateRecorded, 'manager_update'],
    [complaintEvents.verificationRecorded, 'verification'],
  ])('%s moves the clocks as %s', (type, signal) => {
    expect(toClockEvents([{ type, at, actorType: 'user', data: { x: 1 } }])).toEqual([
      { type: signal, at, actorType: 'user', data: { x: 1 } },
    ]);
  });

  it.each([
    complaintEvents.noteAdded,
    complaintEvents.attachmentAdded,
    complaintEvents.updated,
    complaintEvents.assigned,
    complaintEvents.factsRecorded,
    complaintEvents.messageReceived,
    complaintEvents.deadlineRequestSent,
    'something.unknown',
  ])('%s leaves the clocks alone', (type) => {
    expect(toClockEvents([{ type, at, actorType: 'user', data: {} }])).toEqual([]);
    expect(clockEventTypes).not.toContain(type);
  });

  it('keeps the order and the actor', () => {
    const later = new Date(at.getTime() + 60_000);
    expect(
      toClockEvents([
        { type: complaintEvents.messageSent, at: later, actorType: 'customer', data: {} },
        { type: complaintEvents.received, at, actorType: 'api', data: {} },
      ]).map((e) => [e.type, e.actorType]),
    ).toEqual([
      ['response', 'customer'],
      ['received', 'api'],
    ]);
  });
});
