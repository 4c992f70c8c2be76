import { describe, expect, it } from 'vitest';
import { precisionAtK } from './precision.ts';
import {
  daysAgo,
  defaultSuggestionSettings as settings,
  maxSuggestions,
  monthsBefore,
  normaliseRef,
  repeatCode,
  scriptOf,
  suggest,
  thresholdOf,
  type Candidate,
  type Subject,
} from './suggest.ts';

const now = new Date('2026-06-15T08:00:00Z');
const daysBefore = (n: number) => new Date(now.getTime() - n * 86_400_000);

const subject: Subject = {
  id: 'self',
  customerIds: ['cus-1'],
  reasonId: 'r-delivery',
  productRef: 'iPhone 15 Pro',
  orderRef: 'DH-001',
  receivedAt: now,
  script: 'latin',
};

const candidate = (over: Partial<Candidate> & { id: string }): Candidate => ({
  receivedAt: daysBefore(3),
  customerId: 'cus-1',
  reasonId: null,
  productRef: null,
  orderRef: null,
  score: null,
  ...over,
});

describe('repeatCode', () => {
  it.each([
    ['same reason', candidate({ id: 'a', reasonId: 'r-delivery' }), 'same_customer_same_reason'],
    [
      'same product, typed differently',
      candidate({ id: 'a', productRef: 'iphone15 pro' }),
      'same_customer_same_product',
    ],
    ['same order', candidate({ id: 'a', orderRef: 'dh 001' }), 'same_customer_same_order'],
    [
      'reason wins over product',
      candidate({ id: 'a', reasonId: 'r-delivery', productRef: 'iPhone 15 Pro' }),
      'same_customer_same_reason',
    ],
    ['another reason, no product', candidate({ id: 'a', reasonId: 'r-billing' }), undefined],
    [
      'another customer',
      candidate({ id: 'a', customerId: 'cus-2', reasonId: 'r-delivery' }),
      undefined,
    ],
    [
      '31 days before',
      candidate({ id: 'a', reasonId: 'r-delivery', receivedAt: daysBefore(31) }),
      undefined,
    ],
    [
      'exactly 30 days before',
      candidate({ id: 'a', reasonId: 'r-delivery', receivedAt: daysBefore(30) }),
      'same_customer_same_reason',
    ],
    ['the case itself', candidate({ id: 'self', reasonId: 'r-delivery' }), undefined],
    ['both without a product', candidate({ id: 'a' }), undefined],
  ] as const)('%s', (_, c, expected) => {
    expect(repeatCode(subject, c, settings)).toBe(expected);
  });

  it('does not match a reason both lack', () => {
    expect(
      repeatCode(
        { ...subject, reasonId: null, productRef: null, orderRef: null },
        candidate({ id: 'a' }),
        settings,
      ),
    ).toBeUndefined();
  });
});

describe('suggest', () => {
  it('lists repeats first, newest first, then similar text by score, with why', () => {
    const list = suggest({
      subject,
      sameCustomer: [
        candidate({ id: 'old-repeat', reasonId: 'r-delivery', receivedAt: daysBefore(10) }),
        candidate({ id: 'new-repeat', productRef: 'IPHONE 15 PRO', receivedAt: daysBefore(3) }),
        candidate({ id: 'other-reason', reasonId: 'r-billing' }),
      ],
      similarText: [
        candidate({ id: 'sim-low', customerId: 'cus-9', score: 0.45 }),
        candidate({ id: 'sim-high', customerId: 'cus-8', score: 0.6249 }),
        candidate({ id: 'below', customerId: 'cus-7', score: 0.2 }),
      ],
      settings,
      now,
    });
    expect(list.map((s) => [s.kind, s.candidate.id, s.why])).toEqual([
      ['repeat', 'new-repeat', { code: 'same_customer_same_product', days: 3 }],
      ['repeat', 'old-repeat', { code: 'same_customer_same_reason', days: 10 }],
      ['similar', 'sim-high', { code: 'similar_text', score: 0.62, days: 3 }],
      ['similar', 'sim-low', { code: 'similar_text', score: 0.45, days: 3 }],
    ]);
  });

  it('shows a repeat once, never again as similar text, and never the case itself', () => {
    const repeat = candidate({ id: 'r', reasonId: 'r-delivery' });
    const list = suggest({
      subject,
      sameCustomer: [repeat],
      similarText: [{ ...repeat, score: 0.9 }, candidate({ id: 'self', score: 1 })],
      settings,
      now,
    });
    expect(list.map((s) => [s.kind, s.candidate.id])).toEqual([['repeat', 'r']]);
  });

  it('shows at most five', () => {
    const many = Array.from({ length: 9 }, (_, i) =>
      candidate({ id: `s${i}`, customerId: `c${i}`, score: 0.5 + i / 100 }),
    );
    const list = suggest({ subject, sameCustomer: [], similarText: many, settings, now });
    expect(list).toHaveLength(maxSuggestions);
    expect(list[0]?.candidate.id).toBe('s8');
  });

  it('leaves out similar text older than the window', () => {
    const list = suggest({
      subject,
      sameCustomer: [],
      similarText: [
        candidate({ id: 'old', customerId: 'c', score: 0.9, receivedAt: daysBefore(200) }),
      ],
      settings,
      now,
    });
    expect(list).toEqual([]);
  });

  it('suggests repeats for a draft of a known customer', () => {
    const draft: Subject = {
      ...subject,
      id: undefined,
      customerIds: ['cus-1', 'cus-dup'],
    } as Subject;
    const list = suggest({
      subject: draft,
      sameCustomer: [candidate({ id: 'd', customerId: 'cus-dup', reasonId: 'r-delivery' })],
      similarText: [],
      settings,
      now,
    });
    expect(list.map((s) => s.why.code)).toEqual(['same_customer_same_reason']);
  });
});

describe('scripts and thresholds', () => {
  it.each([
    ['Màn hình bị vỡ', 'latin'],
    ['手机屏幕碎了', 'cjk'],
    ['iPhone 15 屏幕碎了，要求换货', 'cjk'],
    ['Đơn hàng DH-12345678 của tôi, mã 手', 'latin'],
    ['', 'latin'],
    ['画面が割れました', 'cjk'],
  ] as const)('%j is %s', (text, script) => {
    expect(scriptOf(text)).toBe(script);
  });

  it('compares Chinese text with its own, lower threshold', () => {
    const c = candidate({ id: 'z', customerId: 'c', score: 0.3 });
    const args = { sameCustomer: [], similarText: [c], settings, now };
    expect(suggest({ ...args, subject: { ...subject, script: 'latin' } })).toEqual([]);
    expect(suggest({ ...args, subject: { ...subject, script: 'cjk' } })).toHaveLength(1);
    expect(thresholdOf('cjk', settings)).toBe(settings.similarThresholdCjk);
  });
});

describe('helpers', () => {
  it.each([
    ['  Đơn-Hàng 12/3 ', 'donhang123'],
    ['iPhone 15 Pro', 'iphone15pro'],
    [null, ''],
  ])('normaliseRef(%j) = %j', (value, expected) => {
    expect(normaliseRef(value)).toBe(expected);
  });

  it.each([
    ['2026-06-15T08:00:00Z', 6, '2025-12-15T08:00:00.000Z'],
    ['2026-08-31T00:00:00Z', 6, '2026-02-28T00:00:00.000Z'],
    ['2026-03-31T12:00:00Z', 1, '2026-02-28T12:00:00.000Z'],
  ])('monthsBefore(%s, %d) = %s', (at, months, expected) => {
    expect(monthsBefore(new Date(at), months).toISOString()).toBe(expected);
  });

  it('counts whole days ago, never negative', () => {
    expect(daysAgo(daysBefore(2.9), now)).toBe(2);
    expect(daysAgo(new Date(now.getTime() + 5000), now)).toBe(0);
  });

  it('measures precision and recall at k, micro-averaged', () => {
    const report = precisionAtK(
      [
        { shown: ['a', 'x', 'b'], relevant: new Set(['a', 'b', 'c']) },
        { shown: [], relevant: new Set(['d']) },
        { shown: ['y'], relevant: new Set() },
      ],
      2,
    );
    expect(report).toEqual({
      k: 2,
      queries: 3,
      shown: 3,
      correct: 1,
      relevant: 4,
      precision: 1 / 3,
      recall: 1 / 4,
      empty: 1,
    });
  });
});
