import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * A stored phone number (E.164, `+84912345678`) as people of the org's country write it: the
 * national format for a number of that country (`0912 345 678`), the international one for any
 * other (`+1 201 555 0123`). What cannot be read is shown as it was stored.
 */
export function formatPhone(value: string | null | undefined, country: string): string {
  if (!value) return '';
  const parsed = parsePhoneNumberFromString(value, country as CountryCode);
  if (!parsed) return value;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
