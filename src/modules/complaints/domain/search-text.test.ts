import { describe, expect, it } from 'vitest';
import { buildSearchText } from './search-text.ts';

const complaint = {
  reference: 'KN-2026-000123',
  description: 'Giao hàng chậm',
  productRef: null,
  orderRef: 'DH-1042',
  askText: 'Hoàn phí',
};
const customer = {
  name: 'Nguyễn Thị Lan',
  phone: '+84912345678',
  nationalPhone: '0912345678',
  email: null,
  externalId: null,
};

describe('buildSearchText', () => {
  it('gathers what agents type, skipping what is missing', () => {
    expect(buildSearchText(complaint, customer, ['Hộp bị móp'])).toBe(
      [
        'KN-2026-000123',
        'Nguyễn Thị Lan',
        '+84912345678',
        '0912345678',
        'DH-1042',
        'Giao hàng chậm',
        'Hoàn phí',
        'Hộp bị móp',
      ].join(' \n '),
    );
  });

  it('is capped so one huge complaint cannot bloat the index', () => {
    const huge = buildSearchText({ ...complaint, description: 'x'.repeat(300_000) }, customer);
    expect(huge).toHaveLength(200_000);
  });
});
