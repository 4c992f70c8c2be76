import { describe, expect, it } from 'vitest';
import {
  allowanceOf,
  decideAuthority,
  tenureMonths,
  type AuthorityRequest,
  type AuthorityRule,
} from './authority.ts';

const rule = (over: Partial<AuthorityRule>): AuthorityRule => ({
  id: 'r',
  role: 'agent',
  type: null,
  tier: null,
  minTenureMonths: null,
  minValueMinor: null,
  currency: 'VND',
  perCaseMinor: null,
  perPeriodMinor: null,
  period: 'month',
  askSharePercent: null,
  active: true,
  ...over,
});
const request = (over: Partial<AuthorityRequest>): AuthorityRequest => ({
  role: 'agent',
  type: 'voucher',
  amountMinor: 200_000,
  currency: 'VND',
  askMinor: 1_000_000,
  segment: { tier: null, tenureMonths: null, valueMinor: null },
  ...over,
});

const agentCase = rule({ id: 'case', perCaseMinor: 250_000 });
const gold = rule({ id: 'gold', tier: 'gold', perCaseMinor: 500_000 });
const loyal = rule({ id: 'loyal', minTenureMonths: 24, perCaseMinor: 400_000 });
const valued = rule({ id: 'valued', minValueMinor: 10_000_000, perCaseMinor: 450_000 });
const monthly = rule({ id: 'month', perPeriodMinor: 1_000_000 });
const refundOnly = rule({ id: 'refund', type: 'refund', perCaseMinor: 100_000 });
const manager = rule({ id: 'mgr', role: 'manager', perCaseMinor: 2_000_000 });
const usd = rule({ id: 'usd', currency: 'USD', perCaseMinor: 5_000 });
const open = rule({ id: 'open', role: 'admin' });
const share = rule({ id: 'share30', askSharePercent: 30 });

describe('decideAuthority', () => {
  it.each([
    [
      'within the per-case limit',
      request({}),
      [agentCase],
      {},
      { kind: 'allowed', limitMinor: 250_000, ruleId: 'case' },
    ],
    [
      'exactly the per-case limit',
      request({ amountMinor: 250_000 }),
      [agentCase],
      {},
      { kind: 'allowed', limitMinor: 250_000, ruleId: 'case' },
    ],
    [
      'one đồng above the per-case limit',
      request({ amountMinor: 250_001 }),
      [agentCase],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 250_000 },
    ],
    [
      'a rule of their own replaces the default half of the ask',
      request({ amountMinor: 600_000, askMinor: 1_000_000 }),
      [rule({ id: 'x', perCaseMinor: 900_000 })],
      {},
      { kind: 'allowed', limitMinor: 900_000, ruleId: 'x' },
    ],
    [
      'a rule asking for half the ask and at most 400.000',
      request({ amountMinor: 450_000, askMinor: 1_000_000 }),
      [rule({ perCaseMinor: 400_000, askSharePercent: 50 })],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 400_000 },
    ],
    [
      'a rule share of 30%',
      request({ amountMinor: 300_001 }),
      [share],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 300_000 },
    ],
    [
      'no ask recorded: a share of it allows nothing',
      request({ askMinor: null }),
      [share],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 0 },
    ],
    [
      'the period limit counts what was spent',
      request({ amountMinor: 200_000 }),
      [monthly],
      { month: 850_000 },
      { kind: 'needs_approval', level: 1, limitMinor: 150_000 },
    ],
    [
      'the period limit with room',
      request({ amountMinor: 150_000 }),
      [monthly],
      { month: 850_000 },
      { kind: 'allowed', limitMinor: 150_000, ruleId: 'month' },
    ],
    [
      'the period limit, spent in another period',
      request({ amountMinor: 400_000 }),
      [monthly],
      { quarter: 950_000 },
      { kind: 'allowed', limitMinor: 1_000_000, ruleId: 'month' },
    ],
    [
      'a gold customer gets the gold rule',
      request({
        amountMinor: 450_000,
        segment: { tier: 'gold', tenureMonths: 1, valueMinor: null },
      }),
      [agentCase, gold],
      {},
      { kind: 'allowed', limitMinor: 500_000, ruleId: 'gold' },
    ],
    [
      'a silver customer does not',
      request({
        amountMinor: 450_000,
        segment: { tier: 'silver', tenureMonths: 1, valueMinor: null },
      }),
      [agentCase, gold],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 250_000 },
    ],
    [
      'tenure of two years',
      request({
        amountMinor: 400_000,
        segment: { tier: null, tenureMonths: 24, valueMinor: null },
      }),
      [agentCase, loyal],
      {},
      { kind: 'allowed', limitMinor: 400_000, ruleId: 'loyal' },
    ],
    [
      'tenure one month short',
      request({
        amountMinor: 400_000,
        segment: { tier: null, tenureMonths: 23, valueMinor: null },
      }),
      [agentCase, loyal],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 250_000 },
    ],
    [
      'unknown tenure: half the ask by default',
      request({ amountMinor: 400_000 }),
      [loyal],
      {},
      { kind: 'allowed', limitMinor: 500_000, ruleId: 'default' },
    ],
    [
      'a valued customer',
      request({
        amountMinor: 450_000,
        segment: { tier: null, tenureMonths: null, valueMinor: 12_000_000 },
      }),
      [agentCase, valued],
      {},
      { kind: 'allowed', limitMinor: 450_000, ruleId: 'valued' },
    ],
    [
      'a rule for refunds does not cover vouchers: half the ask by default',
      request({ type: 'voucher', amountMinor: 600_000 }),
      [refundOnly],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 500_000 },
    ],
    [
      'a rule for refunds covers refunds',
      request({ type: 'refund', amountMinor: 90_000 }),
      [refundOnly],
      {},
      { kind: 'allowed', limitMinor: 100_000, ruleId: 'refund' },
    ],
    [
      'a manager rule is not an agent rule',
      request({ amountMinor: 600_000 }),
      [manager],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 500_000 },
    ],
    [
      'a manager with no rule may grant nothing alone',
      request({ role: 'manager', amountMinor: 1, level: 1 }),
      [agentCase],
      {},
      { kind: 'needs_approval', level: 2, limitMinor: 0 },
    ],
    [
      'a gift within the agent gift limit',
      request({ type: 'gift', amountMinor: 100_000, askMinor: null }),
      [rule({ id: 'g', type: 'gift', perCaseMinor: 200_000 })],
      {},
      { kind: 'allowed', limitMinor: 200_000, ruleId: 'g' },
    ],
    [
      'a gift above the agent gift limit',
      request({ type: 'gift', amountMinor: 300_000, askMinor: null }),
      [rule({ type: 'gift', perCaseMinor: 200_000 })],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 200_000 },
    ],
    [
      'a gift with no gift rule goes up',
      request({ type: 'gift', amountMinor: 1, askMinor: null }),
      [refundOnly],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 0 },
    ],
    [
      'a manager approving at level 1',
      request({ role: 'manager', amountMinor: 1_500_000, level: 1 }),
      [manager],
      {},
      { kind: 'allowed', limitMinor: 2_000_000, ruleId: 'mgr' },
    ],
    [
      'a manager above their limit climbs to level 2',
      request({ role: 'manager', amountMinor: 2_500_000, level: 1 }),
      [manager],
      {},
      { kind: 'needs_approval', level: 2, limitMinor: 2_000_000 },
    ],
    [
      'a rule with no limit allows anything',
      request({ role: 'admin', amountMinor: 99_000_000 }),
      [open],
      {},
      { kind: 'allowed', limitMinor: null, ruleId: 'open' },
    ],
    [
      'an inactive rule counts for nothing',
      request({ amountMinor: 600_000 }),
      [{ ...agentCase, active: false }],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 500_000 },
    ],
    [
      'no ask and no rule',
      request({ askMinor: null }),
      [],
      {},
      { kind: 'needs_approval', level: 1, limitMinor: 0 },
    ],
    [
      'only rules in another currency',
      request({}),
      [usd],
      {},
      { kind: 'refused', reason: 'currency_mismatch' },
    ],
    [
      'zero is no grant',
      request({ amountMinor: 0 }),
      [agentCase],
      {},
      { kind: 'refused', reason: 'invalid_amount' },
    ],
    [
      'a fraction of a minor unit',
      request({ amountMinor: 1.5 }),
      [agentCase],
      {},
      { kind: 'refused', reason: 'invalid_amount' },
    ],
    [
      'no rules at all: half the ask',
      request({}),
      [],
      {},
      { kind: 'allowed', limitMinor: 500_000, ruleId: 'default' },
    ],
  ] as const)('%s', (_name, req, rules, spent, expected) => {
    expect(decideAuthority(req, rules, spent)).toEqual(expected);
  });
});

describe('allowanceOf', () => {
  it.each([
    [rule({ perCaseMinor: 100 }), 1000, {}, 100],
    [rule({ perCaseMinor: 800, perPeriodMinor: 1000 }), 10_000, { month: 700 }, 300],
    [rule({ perPeriodMinor: 1000 }), 10_000, { month: 1200 }, 0],
    [rule({ role: 'manager' }), null, {}, null],
    [rule({ role: 'manager', askSharePercent: 100 }), 777, {}, 777],
  ] as const)('%o with ask %s and spent %o allows %s', (r, ask, spent, expected) => {
    expect(allowanceOf(r, ask, spent)).toBe(expected);
  });
});

describe('tenureMonths', () => {
  it.each([
    [null, '2026-03-02', null],
    ['2024-03-02', '2026-03-02', 24],
    ['2024-03-03', '2026-03-02', 23],
    ['2026-02-28', '2026-03-01', 0],
    ['2027-01-01', '2026-03-01', 0],
  ] as const)('from %s to %s is %s months', (since, today, expected) => {
    expect(tenureMonths(since, today)).toBe(expected);
  });
});
