import { formatDateTime as formatInstant } from '../../../src/modules/sla/date-text.contract.ts';
import type { Language } from './i18n.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An instant in the house style of the language, as a wall time of the org's zone. */
export function formatDateTime(
  iso: string | null | undefined,
  language: Language,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatInstant(date, language, isValidZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE);
}

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

export function formatBytes(bytes: number, language: Language): string {
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
