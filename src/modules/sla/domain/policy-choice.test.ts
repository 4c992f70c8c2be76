import { describe, expect, it } from 'vitest';
import { choosePolicy, type ChoosablePolicy } from './policy-choice.ts';

const any = { reasonIds: [], severities: [], channels: [], tiers: [] };
const policies: ChoosablePolicy[] = [
  { id: 'standard', name: 'Tiêu chuẩn', priority: 100, active: true, match: any },
  {
    id: 'urgent',
    name: 'Khẩn cấp',
    priority: 10,
    active: true,
    match: { ...any, severities: ['high', 'critical'] },
  },
  {
    id: 'gold-phone',
    name: 'Gold by phone',
    priority: 5,
    active: true,
    match: { ...any, tiers: ['gold'], channels: ['phone'] },
  },
  {
    id: 'billing',
    name: 'Billing',
    priority: 50,
    active: true,
    match: { ...any, reasonIds: ['r-billing'] },
  },
  { id: 'retired', name: 'Retired', priority: 1, active: false, match: any },
];

const base = { reasonId: null, severity: 'medium', channel: 'web', customerTier: null };

describe('choosePolicy', () => {
  it.each([
    ['nothing special: the catch-all', base, 'standard'],
    ['high severity', { ...base, severity: 'high' }, 'urgent'],
    [
      'gold by phone beats urgent',
      { ...base, severity: 'critical', channel: 'phone', customerTier: 'gold' },
      'gold-phone',
    ],
    ['gold by web is not gold by phone', { ...base, customerTier: 'gold' }, 'standard'],
    ['a reason criterion', { ...base, reasonId: 'r-billing' }, 'billing'],
    ['no reason never matches a reason list', { ...base, reasonId: null }, 'standard'],
    ['no tier never matches a tier list', { ...base, channel: 'phone' }, 'standard'],
  ])('%s', (_, c, expected) => {
    expect(choosePolicy(policies, c)?.id).toBe(expected);
  });

  it('never picks an inactive policy, and may pick none', () => {
    expect(
      choosePolicy(
        policies.filter((p) => p.id === 'retired'),
        base,
      ),
    ).toBeUndefined();
  });

  it('breaks a priority tie by name, whatever the order given', () => {
    const tie = [
      { id: 'b', name: 'B', priority: 1, active: true, match: any },
      { id: 'a', name: 'A', priority: 1, active: true, match: any },
    ];
    expect(choosePolicy(tie, base)?.id).toBe('a');
    expect(choosePolicy([...tie].reverse(), base)?.id).toBe('a');
  });
});
