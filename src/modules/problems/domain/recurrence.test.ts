import { describe, expect, it } from 'vitest';
import { closeDecision, recurrenceCheck } from './recurrence.ts';

const window = {
  startedAt: new Date('2026-03-02T02:00:00Z'),
  endsAt: new Date('2026-03-30T02:00:00Z'),
};
const c = (id: string, at: string) => ({ complaintId: id, receivedAt: new Date(at) });
const before = c('before', '2026-03-01T10:00:00Z');
const atStart = c('at-start', '2026-03-02T02:00:00Z');
const inside = c('inside', '2026-03-10T03:00:00Z');

describe('recurrenceCheck', () => {
  it.each([
    ['no complaints, window running', [], 0, '2026-03-10T00:00:00Z', 'watching', 0],
    ['no complaints, window ended', [], 0, '2026-03-30T02:00:00Z', 'ready_to_close', 0],
    [
      'one before the start does not count',
      [before],
      0,
      '2026-03-31T00:00:00Z',
      'ready_to_close',
      0,
    ],
    ['one at the exact start counts', [atStart], 0, '2026-03-31T00:00:00Z', 'recurred', 1],
    [
      'over the threshold recurs before the end',
      [inside],
      0,
      '2026-03-11T00:00:00Z',
      'recurred',
      1,
    ],
    ['within a threshold of 1, running', [inside], 1, '2026-03-11T00:00:00Z', 'watching', 1],
    [
      'within a threshold of 1, ended',
      [inside, before],
      1,
      '2026-04-01T00:00:00Z',
      'ready_to_close',
      1,
    ],
    ['two over a threshold of 1', [inside, atStart], 1, '2026-04-01T00:00:00Z', 'recurred', 2],
    ['a millisecond before the end', [], 0, '2026-03-30T01:59:59.999Z', 'watching', 0],
  ] as const)('%s', (_, linked, threshold, now, kind, count) => {
    const d = recurrenceCheck({ window, threshold, linkedComplaints: linked, now: new Date(now) });
    expect(d.kind).toBe(kind);
    expect(d.recurrences).toHaveLength(count);
  });

  it('lists recurrences oldest first', () => {
    const d = recurrenceCheck({
      window,
      threshold: 5,
      linkedComplaints: [inside, atStart],
      now: new Date('2026-03-11T00:00:00Z'),
    });
    expect(d.recurrences.map((r) => r.complaintId)).toEqual(['at-start', 'inside']);
  });
});

describe('closeDecision', () => {
  const ready = { kind: 'ready_to_close', recurrences: [] } as const;
  const watching = { kind: 'watching', recurrences: [] } as const;
  const recurred = { kind: 'recurred', recurrences: [inside] } as const;
  it.each([
    [ready, false, null, { kind: 'close', override: false }],
    [ready, true, null, { kind: 'close', override: false }],
    [watching, false, null, { kind: 'refused', reason: 'window_running' }],
    [recurred, false, 'x', { kind: 'refused', reason: 'recurred' }],
    [recurred, true, '  ', { kind: 'refused', reason: 'override_reason_required' }],
    [recurred, true, null, { kind: 'refused', reason: 'override_reason_required' }],
    [recurred, true, 'Supplier replaced', { kind: 'close', override: true }],
    [watching, true, 'Line shut down', { kind: 'close', override: true }],
  ] as const)('%o, override %s, reason %s', (check, requested, reason, expected) => {
    expect(closeDecision(check, { requested, reason })).toEqual(expected);
  });
});
