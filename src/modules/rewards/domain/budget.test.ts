import { describe, expect, it } from 'vitest';
import {
  budgetFor,
  decideBudget,
  localDate,
  periodEndOf,
  periodStartOf,
  startOfLocalDay,
  type Budget,
} from './budget.ts';
import { giftEligibility } from './eligibility.ts';
import { minorDigits, toMinor } from './money.ts';
import { percentile } from './stats.ts';
import { giftMessage } from './messages.ts';

const budget = (over: Partial<Budget>): Budget => ({
  id: 'b',
  departmentId: 'd',
  period: 'month',
  periodStart: '2026-03-01',
  currency: 'VND',
  amountMinor: 1_000_000,
  spentMinor: 0,
  ...over,
});

describe('decideBudget', () => {
  it.each([
    ['fits', budget({}), 300_000, 'VND', { kind: 'ok', remainingAfterMinor: 700_000 }],
    [
      'uses the last đồng',
      budget({ spentMinor: 700_000 }),
      300_000,
      'VND',
      { kind: 'ok', remainingAfterMinor: 0 },
    ],
    [
      'one đồng over',
      budget({ spentMinor: 700_001 }),
      300_000,
      'VND',
      { kind: 'refused', reason: 'over_budget' },
    ],
    [
      'already overspent',
      budget({ spentMinor: 1_200_000 }),
      1,
      'VND',
      { kind: 'refused', reason: 'over_budget' },
    ],
    ['no budget', undefined, 1, 'VND', { kind: 'refused', reason: 'no_budget' }],
    ['another currency', budget({}), 100, 'USD', { kind: 'refused', reason: 'currency_mismatch' }],
  ] as const)('%s', (_name, b, amount, currency, expected) => {
    expect(decideBudget(b, amount, currency)).toEqual(expected);
  });
});

describe('budget periods', () => {
  it.each([
    ['2026-03-02', 'month', '2026-03-01', '2026-04-01'],
    ['2026-12-31', 'month', '2026-12-01', '2027-01-01'],
    ['2026-03-31', 'quarter', '2026-01-01', '2026-04-01'],
    ['2026-11-15', 'quarter', '2026-10-01', '2027-01-01'],
    ['2026-04-01', 'quarter', '2026-04-01', '2026-07-01'],
  ] as const)('%s in its %s: %s to %s', (date, period, start, end) => {
    expect(periodStartOf(date, period)).toBe(start);
    expect(periodEndOf(start, period)).toBe(end);
  });

  it('reads the date in the org time zone: 23:30 UTC on 31 March is 1 April in Hà Nội', () => {
    expect(localDate(new Date('2026-03-31T23:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-04-01');
    expect(localDate(new Date('2026-03-31T23:30:00Z'), 'UTC')).toBe('2026-03-31');
  });

  it('finds when a local day begins', () => {
    expect(startOfLocalDay('2026-03-01', 'Asia/Ho_Chi_Minh').toISOString()).toBe(
      '2026-02-28T17:00:00.000Z',
    );
    expect(startOfLocalDay('2026-03-29', 'Europe/London').toISOString()).toBe(
      '2026-03-29T00:00:00.000Z',
    );
    expect(startOfLocalDay('2026-04-01', 'Europe/London').toISOString()).toBe(
      '2026-03-31T23:00:00.000Z',
    );
  });

  it('picks the month over the quarter that both hold the day, and nothing outside', () => {
    const quarter = budget({ id: 'q', period: 'quarter', periodStart: '2026-01-01' });
    const march = budget({ id: 'm', periodStart: '2026-03-01' });
    expect(budgetFor([quarter, march], '2026-03-15')?.id).toBe('m');
    expect(budgetFor([quarter, march], '2026-02-15')?.id).toBe('q');
    expect(budgetFor([quarter, march], '2026-04-01')).toBeUndefined();
  });
});

describe('gift eligibility', () => {
  const fixedAt = new Date('2026-03-02T03:00:00Z');
  it.each([
    [
      'in progress',
      { status: 'in_progress', fixedAt: null, verificationOutcome: null },
      false,
      'not_fixed',
    ],
    [
      'reopened after a fix',
      { status: 'in_progress', fixedAt, verificationOutcome: null },
      false,
      'not_fixed',
    ],
    ['fixed', { status: 'fixed', fixedAt, verificationOutcome: null }, false, 'eligible'],
    [
      'closed after the fix',
      { status: 'closed', fixedAt, verificationOutcome: null },
      false,
      'eligible',
    ],
    ['cancelled', { status: 'cancelled', fixedAt, verificationOutcome: null }, false, 'not_fixed'],
    [
      'fixed, verification required, none yet',
      { status: 'fixed', fixedAt, verificationOutcome: null },
      true,
      'not_verified',
    ],
    [
      'fixed, customer unreachable',
      { status: 'fixed', fixedAt, verificationOutcome: 'unreachable' },
      true,
      'not_verified',
    ],
    [
      'fixed and verified working',
      { status: 'fixed', fixedAt, verificationOutcome: 'works' },
      true,
      'eligible',
    ],
  ] as const)('%s', (_name, c, requires, expected) => {
    const got = giftEligibility(c, requires);
    expect(got.kind === 'eligible' ? 'eligible' : got.reason).toBe(expected);
  });
});

describe('money and figures', () => {
  it.each([
    ['VND', 0, 500_000, 500_000],
    ['USD', 2, 12.34, 1234],
    ['JPY', 0, 999, 999],
    ['EUR', 2, 0.1, 10],
  ] as const)('%s has %s minor digits; %s is %s minor units', (currency, digits, major, minor) => {
    expect(minorDigits(currency)).toBe(digits);
    expect(toMinor(major, currency)).toBe(minor);
  });

  it.each([
    [[], 50, null],
    [[5], 90, 5],
    [[1, 2, 3, 4], 50, 2],
    [[10, 1, 7, 3, 9, 2, 8, 4, 6, 5], 90, 9],
    [[10, 1, 7, 3, 9, 2, 8, 4, 6, 5], 50, 5],
  ] as const)('percentile of %o at %s is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('thanks for the feedback in each language, never calling it an apology, and keeps text as text', () => {
    const values = {
      name: '$& {org}',
      org: 'Ombud',
      reference: 'KN-1',
      gift: 'Voucher',
      code: 'A-1',
    };
    const vi = giftMessage('vi', values);
    expect(vi.subject).toBe('[KN-1] Cảm ơn anh/chị đã góp ý');
    expect(vi.body).toContain('Kính gửi $& {org},');
    expect(vi.body).toContain('Mã quà tặng: A-1');
    expect(giftMessage('en', values).body).toContain('Thank you');
    expect(giftMessage('en', values).body.toLowerCase()).not.toContain('sorry');
    expect(giftMessage('zh', { ...values, code: null }).body).not.toContain('礼品码');
  });
});
