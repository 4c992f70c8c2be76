import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** An org's country as the phone library names it (ISO 3166-1 alpha-2). */
export type PhoneCountry = CountryCode;

/**
 * Phone numbers are kept in E.164 so that the same person is one customer however they typed
 * it: 0912 345 678, +84 912 345 678 and 84912345678 are all +84912345678. A number written
 * without a country code is read as one of the org's country (Vietnam unless it says otherwise).
 */
export function normalizePhone(
  input: string,
  defaultCountry: PhoneCountry = 'VN',
): string | undefined {
  const cleaned = input.trim();
  if (!/^[+()\d\s.-]{6,25}$/.test(cleaned)) return undefined;
  const digits = cleaned.replace(/[^\d+]/g, '');
  // "84912345678" typed without the plus is a Vietnamese number in international form.
  const candidate = defaultCountry === 'VN' && /^84\d{9,10}$/.test(digits) ? `+${digits}` : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  if (!parsed || !parsed.isValid()) return undefined;
  return parsed.number;
}

/** The national form a Vietnamese agent would search by (0912345678), for search text. */
export function nationalDigits(e164: string): string | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? `0${parsed.nationalNumber}` : undefined;
}
