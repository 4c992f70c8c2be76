import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDate as formatDay,
  formatDateTime as formatInstant,
  type DateLanguage,
} from '../../../src/modules/sla/sla.contract.ts';
import { api } from '../api/client.ts';
import { isUiLanguage } from './i18n.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DEFAULT_COUNTRY = 'VN';

/** Where the reader's dates and phone numbers belong: the org's time zone and country. */
export type Place = { timeZone: string; country: string };

/**
 * Pages outside the console (the portal) say where they are; inside it, the signed-in org is
 * asked once (GET /api/org).
 */
const PlaceContext = createContext<Place | null>(null);
export const PlaceProvider = PlaceContext.Provider;

function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function usePlace(override?: Place): Place {
  const context = useContext(PlaceContext);
  const given = override ?? context;
  const org = useQuery({
    queryKey: ['org'],
    queryFn: ({ signal }) => api.call('getOrg', { signal }),
    staleTime: 5 * 60_000,
    enabled: given === null,
  });
  if (given) return given;
  const zone = org.data?.timeZone;
  return {
    timeZone: zone && isValidZone(zone) ? zone : DEFAULT_TIME_ZONE,
    country: org.data?.country ?? DEFAULT_COUNTRY,
  };
}

const dateLanguage = (language: string): DateLanguage => (isUiLanguage(language) ? language : 'vi');

const validDate = (iso: string | null | undefined): Date | undefined => {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/**
 * An instant in the house style of the language, in the zone: `08:00, Thứ Sáu 04/12/2026`,
 * `08:00, Friday 4 December 2026`, `2026年12月4日 星期五 08:00`; the lunar date follows around Tết.
 */
export function formatDateTime(
  iso: string | null | undefined,
  language: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const date = validDate(iso);
  if (!date) return iso ?? '';
  return formatInstant(date, dateLanguage(language), timeZone);
}

/** A day: a civil date (`YYYY-MM-DD`) as it is, or the day of an instant in the zone. */
export function formatDate(
  iso: string | null | undefined,
  language: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDay(iso, dateLanguage(language), timeZone);
  const date = validDate(iso);
  return date ? formatDay(date, dateLanguage(language), timeZone) : iso;
}

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

type PhoneFormatter = (value: string | null | undefined, country: string) => string;

/**
 * Phone numbers are formatted with libphonenumber's metadata, loaded when a number is first
 * shown rather than with the console's first route. Until then a number shows as stored.
 */
let phoneFormatter: PhoneFormatter | null = null;
let phoneLoading: Promise<void> | null = null;
const phoneListeners = new Set<() => void>();

function loadPhoneFormatter(): void {
  phoneLoading ??= import('../../../src/platform/contract/phone.ts')
    .then((m) => {
      phoneFormatter = m.formatPhone;
      for (const listener of phoneListeners) listener();
    })
    .catch(() => {
      phoneLoading = null;
    });
}

function subscribePhone(listener: () => void): () => void {
  phoneListeners.add(listener);
  return () => phoneListeners.delete(listener);
}

function usePhoneFormatter(): PhoneFormatter {
  const loaded = useSyncExternalStore(subscribePhone, () => phoneFormatter);
  return (
    loaded ??
    ((value) => {
      loadPhoneFormatter();
      return value ?? '';
    })
  );
}

/**
 * Dates, money, sizes and phone numbers as the reader's language and the org's place write
 * them. A page that knows its place before it can provide it to its children passes it.
 */
export function useFormat(override?: Place) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const place = usePlace(override);
  const formatPhone = usePhoneFormatter();
  return {
    timeZone: place.timeZone,
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, language, place.timeZone),
    date: (iso: string | null | undefined) => formatDate(iso, language, place.timeZone),
    money: (amount: number | null | undefined, currency: string | null | undefined) =>
      formatMoney(amount, currency, language),
    bytes: (bytes: number) => formatBytes(bytes, language),
    /** `+84912345678` → `0912 345 678` for a Vietnamese org; other countries' numbers in full. */
    phone: (e164: string | null | undefined) => formatPhone(e164, place.country),
  };
}
