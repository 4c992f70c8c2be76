import { describe, expect, it } from 'vitest';
import { historyOf, matchOne, stepsTo, type History } from './historical.ts';

const at = (iso: string) => new Date(iso);
const opened = at('2025-02-03T02:15:00Z');
const fixed = at('2025-02-04T03:00:00Z');
const closed = at('2025-02-05T17:00:00Z');

describe('historyOf', () => {
  it.each([
    ['blank, no times: open', { status: null, fixedAt: null, closedAt: null }, 'new', null, null],
    [
      'blank with a fix: fixed',
      { status: null, fixedAt: fixed, closedAt: null },
      'fixed',
      fixed,
      null,
    ],
    [
      'blank with a close: closed',
      { status: null, fixedAt: fixed, closedAt: closed },
      'closed',
      fixed,
      closed,
    ],
    [
      'closed without a fix: fixed when closed',
      { status: 'closed', fixedAt: null, closedAt: closed },
      'closed',
      closed,
      closed,
    ],
    [
      'fixed at the opening instant',
      { status: 'fixed', fixedAt: opened, closedAt: null },
      'fixed',
      opened,
      null,
    ],
  ] as const)('%s', (_name, row, status, fixedAt, closedAt) => {
    const told = historyOf({ openedAt: opened, ...row });
    expect(told).toEqual({ ok: true, history: { status, fixedAt, closedAt } });
  });

  it.each([
    ['open with a close', { status: 'open', fixedAt: null, closedAt: closed }, ['status']],
    ['fixed without its time', { status: 'fixed', fixedAt: null, closedAt: null }, ['fixedAt']],
    ['fixed with a close', { status: 'fixed', fixedAt: fixed, closedAt: closed }, ['status']],
    ['closed without its time', { status: 'closed', fixedAt: fixed, closedAt: null }, ['closedAt']],
    [
      'closed before opened',
      { status: 'closed', fixedAt: null, closedAt: at('2025-02-01T00:00:00Z') },
      ['closedAt'],
    ],
    [
      'fixed before opened',
      { status: 'fixed', fixedAt: at('2025-02-01T00:00:00Z'), closedAt: null },
      ['fixedAt'],
    ],
    ['closed before fixed', { status: 'closed', fixedAt: closed, closedAt: fixed }, ['closedAt']],
  ] as const)('refuses %s', (_name, row, fields) => {
    const told = historyOf({ openedAt: opened, ...row });
    expect(told.ok).toBe(false);
    if (!told.ok) expect(told.problems.map((p) => p.field)).toEqual(fields);
  });
});

describe('stepsTo', () => {
  const h = (status: History['status'], fixedAt: Date | null, closedAt: Date | null): History => ({
    status,
    fixedAt,
    closedAt,
  });
  it('moves a new case through its fix and close, at the file’s times', () => {
    expect(stepsTo({ status: 'new', fixedAt: null }, h('closed', fixed, closed))).toEqual({
      ok: true,
      steps: [
        { from: 'new', to: 'fixed', at: fixed },
        { from: 'fixed', to: 'closed', at: closed },
      ],
    });
  });
  it('closes a fixed case without fixing it again', () => {
    expect(stepsTo({ status: 'fixed', fixedAt: fixed }, h('closed', fixed, closed))).toEqual({
      ok: true,
      steps: [{ from: 'fixed', to: 'closed', at: closed }],
    });
  });
  it('never moves back, nor a case that moved on in Ombud since', () => {
    expect(stepsTo({ status: 'closed', fixedAt: fixed }, h('fixed', fixed, null))).toEqual({
      ok: true,
      steps: [],
    });
    expect(stepsTo({ status: 'in_progress', fixedAt: null }, h('fixed', fixed, null))).toEqual({
      ok: true,
      steps: [],
    });
  });
  it('refuses another time for a fix already on the timeline', () => {
    const moved = stepsTo({ status: 'fixed', fixedAt: fixed }, h('closed', closed, closed));
    expect(moved).toEqual({
      ok: false,
      problems: [{ field: 'fixedAt', messageKey: 'import.history_kept' }],
    });
  });
});

describe('matchOne', () => {
  const reasons = [
    { id: 'a', keys: ['delivery.late', 'Giao hàng chậm', 'Late delivery', '配送延迟'] },
    { id: 'b', keys: ['billing.refund', 'Hoàn tiền chậm', 'Slow refund', '退款慢'] },
    { id: 'c', keys: ['x', 'Trùng', 'Same', '同'] },
    { id: 'd', keys: ['y', 'trung', 'Other', '别'] },
  ];
  const find = (w: string) => matchOne(reasons, w, (r) => r.keys)?.id;
  it.each([
    ['delivery.late', 'a'],
    ['giao hang cham', 'a'],
    ['  GIAO HÀNG  CHẬM ', 'a'],
    ['配送延迟', 'a'],
    ['slow refund', 'b'],
    ['hoàn tiền chậm', 'b'],
  ])('%s is %s', (w, id) => expect(find(w)).toBe(id));
  it('finds nothing for an unknown, a blank or an ambiguous name', () => {
    expect(find('Lý do lạ')).toBeUndefined();
    expect(find(' ')).toBeUndefined();
    expect(find('trùng')).toBeUndefined();
  });
});
