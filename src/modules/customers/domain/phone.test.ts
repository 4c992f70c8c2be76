import { describe, expect, it } from 'vitest';
import { nationalDigits, normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['(028) 3823 4567', '+842838234567'],
    ['+86 138 0013 8000', '+8613800138000'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['', 'abc', '123', '0912', '+84 000', '09123456789012345'])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });

  it.each([
    ['(201) 555-0123', 'US', '+12015550123'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['0912 345 678', 'US', undefined],
    ['+84 912 345 678', 'US', '+84912345678'],
  ] as const)('reads %s in an org of %s as %s', (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected);
  });

  it('gives the national form for search', () => {
    expect(nationalDigits('+84912345678')).toBe('0912345678');
  });
});
