import { formatDateTime as formatInstant } from '../../../src/modules/sla/date-text.contract.ts';
import type { Language } from './i18n.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An instant in the house style of the language, as a wall time of the org's zone. */
export function formatDateTime(
  iso: string | null | undefined,
  language: Language,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // No zone check up front (each new Intl format with a zone costs a phone tens of
  // milliseconds): a zone the browser does not know falls back to the default one.
  try {
    return formatInstant(date, language, timeZone);
  } catch {
    return formatInstant(date, language, DEFAULT_TIME_ZONE);
  }
}
