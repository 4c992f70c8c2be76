import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone.ts';

describe('formatPhone', () => {
  it.each([
    ['+84912345678', 'VN', '0912 345 678'],
    ['+842838234567', 'VN', '028 3823 4567'],
    ['+8613800138000', 'VN', '+86 138 0013 8000'],
    ['+8613800138000', 'CN', '138 0013 8000'],
    ['+12015550123', 'US', '(201) 555-0123'],
    ['+84912345678', 'US', '+84 912 345 678'],
  ])('%s for an org in %s → %s', (stored, country, shown) => {
    expect(formatPhone(stored, country)).toBe(shown);
  });

  it('shows what it cannot read as it was stored, and nothing for no number', () => {
    expect(formatPhone('12', 'VN')).toBe('12');
    expect(formatPhone(null, 'VN')).toBe('');
    expect(formatPhone('', 'VN')).toBe('');
  });
});
