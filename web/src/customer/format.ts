import { formatDateTime as formatInstant } from '../../../src/modules/sla/date-text.contract.ts';
import type { Language } from './i18n.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const zones = new Map<string, boolean>();

function isValidZone(timeZone: string): boolean {
  let valid = zones.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    zones.set(timeZone, valid);
  }
  return valid;
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
