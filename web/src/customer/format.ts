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
