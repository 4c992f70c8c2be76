import { describe, expect, it } from 'vitest';
import { formatBytes } from '../web/src/customer/bytes.ts';

// The customer pages write file sizes by hand (Intl's number formats are slow to start on a
// phone), exactly as the console's Intl-based formatBytes writes them.

const LOCALES = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' } as const;

function withIntl(bytes: number, language: keyof typeof LOCALES): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

const SIZES = [
  0,
  1,
  70,
  999,
  1000,
  1023,
  1024,
  1536,
  1048575,
  5.25 * 1024 ** 2,
  10 * 1024 ** 2,
  123456789,
  3 * 1024 ** 3,
  2000 * 1024 ** 3,
];

describe('file sizes on the customer pages', () => {
  it('read as Intl writes them, in vi, en and zh', () => {
    for (const language of ['vi', 'en', 'zh'] as const)
      for (const bytes of SIZES)
        expect(formatBytes(bytes, language)).toBe(withIntl(bytes, language));
  });

  it('use each language’s separators', () => {
    expect(formatBytes(1536, 'vi')).toBe('1,5 kB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(70, 'zh')).toBe('70 B');
    expect(formatBytes(2000 * 1024 ** 3, 'vi')).toBe('2.000 GB');
  });
});
