import { useTranslation } from 'react-i18next';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has no daylight saving time, so the offset of the default zone is fixed. */
export const DEFAULT_UTC_OFFSET = '+07:00';

function intlLocale(language: string): string {
  switch (language) {
    case 'zh':
      return 'zh-CN';
    case 'en':
      return 'en-GB';
    default:
      return 'vi-VN';
  }
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(date);
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  // A bare calendar date (YYYY-MM-DD) is not an instant; show it without shifting the zone.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(date);
}

export function formatMoney(
  amount: number | null | undefined,
  currency: string | null | undefined,
  language: string,
): string {
  if (amount === null || amount === undefined) return '';
  try {
    return new Intl.NumberFormat(intlLocale(language), {
      style: 'currency',
      currency: currency || 'VND',
    }).format(amount);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** `datetime-local` value (wall time in the default zone) → ISO instant. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const date = new Date(`${withSeconds}${DEFAULT_UTC_OFFSET}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** ISO instant → `datetime-local` value in the default zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const shifted = new Date(date.getTime() + 7 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 16);
}

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, language),
    date: (iso: string | null | undefined) => formatDate(iso, language),
    money: (amount: number | null | undefined, currency: string | null | undefined) =>
      formatMoney(amount, currency, language),
    bytes: (bytes: number) => formatBytes(bytes, language),
  };
}
