import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, statuses } from './status.ts';
import { formatReference, yearIn } from './reference.ts';
import { deriveSteps } from './steps.ts';
import { renderReadBack } from './readback.ts';

describe('status transitions', () => {
  it('has a row for every status, and only known targets', () => {
    for (const s of statuses) {
      for (const to of allowedTransitions[s]) expect(statuses).toContain(to);
      expect(canTransition(s, s)).toBe(false);
    }
  });
  it.each([
    ['new', 'in_progress', true],
    ['waiting_customer', 'in_progress', true],
    ['fixed', 'in_progress', true],
    ['closed', 'fixed', false],
    ['new', 'closed', false],
  ] as const)('%s → %s is %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });
});

describe('references', () => {
  it('pads the number', () => {
    expect(formatReference('KN', 2026, 123)).toBe('KN-2026-000123');
    expect(formatReference('CS', 2026, 1234567)).toBe('CS-2026-1234567');
  });
  it('takes the year in the org zone', () => {
    const newYearsEveUtc = new Date('2026-12-31T17:30:00Z');
    expect(yearIn(newYearsEveUtc, 'Asia/Ho_Chi_Minh')).toBe(2027);
    expect(yearIn(newYearsEveUtc, 'UTC')).toBe(2026);
  });
});

describe('steps', () => {
  it('marks done steps and the first open one as current', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    const steps = deriveSteps({
      acknowledgedAt: at,
      confirmedAt: null,
      apologisedAt: at,
      committedAt: null,
      fixedAt: null,
      status: 'in_progress',
    });
    expect(steps.map((s) => s.state)).toEqual([
      'done',
      'current',
      'done',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });
});

describe('read-back', () => {
  const facts = {
    whatHappened: 'Giao hàng trễ 5 ngày',
    occurredAt: new Date('2026-03-02T03:30:00Z'),
    productRef: 'Tủ lạnh LG',
    orderRef: 'DH-001',
    askText: 'Hoàn phí vận chuyển',
    askAmount: 50000,
    askCurrency: 'VND',
  };
  it('reads back in Vietnamese in the local zone', () => {
    const text = renderReadBack(facts, {
      language: 'vi',
      customerName: 'Chị Lan',
      reference: 'KN-2026-000001',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(text).toContain('Tóm tắt khiếu nại KN-2026-000001 của Chị Lan');
    expect(text).toContain('Sự việc: Giao hàng trễ 5 ngày');
    expect(text).toContain('10:30');
    expect(text).toMatch(/50\.000\s?₫/);
  });
  it('reads back in Chinese and English', () => {
    expect(
      renderReadBack(facts, {
        language: 'zh',
        customerName: '王',
        reference: 'R',
        timeZone: 'UTC',
      }),
    ).toContain('事件经过: Giao hàng trễ 5 ngày');
    expect(
      renderReadBack(
        { ...facts, askAmount: null, askCurrency: null },
        { language: 'en', customerName: 'A', reference: 'R', timeZone: 'UTC' },
      ),
    ).not.toContain('Amount');
  });
});
