import { describe, expect, it } from 'vitest';
import { parseCsv, detectSeparator } from './csv.ts';
import { findHeaderRow, missingFields, proposeMapping } from './mapping.ts';
import { parseAmount, parseDate, parseKind, phoneText } from './values.ts';

const zone = 'Asia/Ho_Chi_Minh';

describe('parseDate', () => {
  it.each([
    ['05/03/2026', '2026-03-04T17:00:00.000Z'],
    ['5/3/2026 14:30', '2026-03-05T07:30:00.000Z'],
    ['05-03-2026', '2026-03-04T17:00:00.000Z'],
    ['2026-03-05', '2026-03-04T17:00:00.000Z'],
    ['2026-03-05T10:00:00Z', '2026-03-05T10:00:00.000Z'],
    ['46086', '2026-03-04T17:00:00.000Z'],
  ])('reads %s', (input, expected) => {
    const parsed = parseDate(input, zone);
    expect(parsed.ok && parsed.value.toISOString()).toBe(expected);
  });
  it('reads a serial number and a date cell as wall clocks in the zone', () => {
    const serial = parseDate(46086.5, zone);
    expect(serial.ok && serial.value.toISOString()).toBe('2026-03-05T05:00:00.000Z');
    const cell = parseDate(new Date(Date.UTC(2026, 2, 5, 9, 30)), zone);
    expect(cell.ok && cell.value.toISOString()).toBe('2026-03-05T02:30:00.000Z');
  });
  it.each(['31/02/2026', '13/13/2026', 'hôm qua', '', '2026-02-30'])('refuses %j', (input) => {
    expect(parseDate(input, zone).ok).toBe(false);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1.250.000', 0, 1_250_000],
    ['1.250.000 ₫', 0, 1_250_000],
    ['1,250,000', 0, 1_250_000],
    ['1 250 000đ', 0, 1_250_000],
    ['250.000', 0, 250_000],
    ['12.50', 2, 12.5],
    ['1.234,56', 2, 1234.56],
    ['1,234.56', 2, 1234.56],
    ['1.250.000', 2, 1_250_000],
  ] as const)('reads %s (exponent %d)', (input, exponent, expected) => {
    const parsed = parseAmount(input, exponent);
    expect(parsed.ok && parsed.value).toBe(expected);
  });
  it.each(['-5', 'mười nghìn', '1.2.3', ''])('refuses %j', (input) => {
    expect(parseAmount(input, 0).ok).toBe(false);
  });
});

describe('cells', () => {
  it('gives a Vietnamese number stored as a number its leading 0', () => {
    expect(phoneText(912345678, 'VN')).toBe('0912345678');
    expect(phoneText('0912 345 678', 'VN')).toBe('0912 345 678');
  });
  it('reads event kinds in three languages', () => {
    expect(['Gia hạn', 'renew', '续订'].map((w) => parseKind(w))).toEqual(
      Array(3).fill({ ok: true, value: 'renew' }),
    );
    expect(parseKind('tạm dừng').ok).toBe(false);
  });
});

describe('CSV', () => {
  it('takes ; or , and quoted fields with separators, quotes and line breaks', () => {
    expect(detectSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(detectSeparator('a,"b;c",d\n')).toBe(',');
    expect(parseCsv('a;b\r\n"x; ""y""";"2\nlines"\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x; "y"', '2\nlines'],
    ]);
  });
});

describe('mapping', () => {
  it('proposes fields from headers in Vietnamese, English and Chinese', () => {
    expect(proposeMapping(['Mã đơn hàng', 'Ngày', 'Số tiền', 'SĐT', 'Ghi chú'], 'orders')).toEqual([
      'externalId',
      'orderedAt',
      'amount',
      'customer.phone',
      null,
    ]);
    expect(proposeMapping(['Order ID', 'Date', 'Amount', 'Phone'], 'orders')).toEqual([
      'externalId',
      'orderedAt',
      'amount',
      'customer.phone',
    ]);
    expect(proposeMapping(['订单号', '日期', '金额', '电话'], 'orders')).toEqual([
      'externalId',
      'orderedAt',
      'amount',
      'customer.phone',
    ]);
    expect(
      proposeMapping(['Số điện thoại người giới thiệu', 'Referred phone', 'Ngày'], 'referrals'),
    ).toEqual(['referrer.phone', 'referred.phone', 'referredAt']);
  });
  it('finds the header under a title row and says what is missing', () => {
    const rows = [
      ['Báo cáo đơn hàng', null],
      ['Mã đơn hàng', 'Số tiền'],
      ['DH-1', '10.000'],
    ];
    expect(findHeaderRow(rows, 'orders')).toBe(1);
    expect(missingFields(['externalId', 'amount'], 'orders')).toEqual([
      'orderedAt',
      'customer.phone',
    ]);
  });
});
