import { describe, expect, it } from 'vitest';
import { buildSearchText, FIELD_SEPARATOR, SECTION_SEPARATOR } from './search-text.ts';

const complaint = {
  reference: 'KN-2026-000123',
  description: 'Hàng đến trễ',
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
const sections = (text: string) =>
  text.split(SECTION_SEPARATOR).map((s) => s.split(FIELD_SEPARATOR));

describe('buildSearchText', () => {
  it('gathers who, what kind and what happened, skipping what is missing', () => {
    const text = buildSearchText({
      complaint,
      customer,
      reasonNames: ['Giao hàng chậm', 'Late delivery', '配送延迟'],
      taskTypeNames: ['Giao lại hàng'],
      facts: [
        { whatHappened: 'Hộp bị móp', askText: 'Đổi hàng', productRef: 'SP-9', orderRef: null },
        { whatHappened: 'Hộp móp', askText: 'Đổi hàng', productRef: null, orderRef: 'DH-1042' },
      ],
    });
    expect(sections(text)).toEqual([
      ['KN-2026-000123', 'Nguyễn Thị Lan', '+84912345678', '0912345678', 'DH-1042', 'SP-9'],
      ['Giao hàng chậm', 'Late delivery', '配送延迟', 'Giao lại hàng'],
      ['Hàng đến trễ', 'Hoàn phí', 'Hộp bị móp', 'Đổi hàng', 'Hộp móp'],
    ]);
  });

  it('keeps three sections when there is no customer, reason or facts', () => {
    expect(sections(buildSearchText({ complaint, customer: null }))).toEqual([
      ['KN-2026-000123', 'DH-1042'],
      [''],
      ['Hàng đến trễ', 'Hoàn phí'],
    ]);
  });

  it('does not let a typed separator move the sections', () => {
    const text = buildSearchText({
      complaint: { ...complaint, description: `a${SECTION_SEPARATOR}b` },
      customer,
    });
    expect(text.split(SECTION_SEPARATOR)).toHaveLength(3);
    expect(sections(text)[2]).toEqual(['a b', 'Hoàn phí']);
  });

  it('is capped so one huge complaint cannot bloat the index', () => {
    const huge = buildSearchText({
      complaint: { ...complaint, description: 'x'.repeat(300_000) },
      customer,
    });
    expect(huge).toHaveLength(200_000);
  });
});
