import type { Language } from '../../../platform/i18n.ts';
import { formatDateTime } from '../../sla/sla.contract.ts';

/**
 * A due time as the customer reads it in a message: the house style of their language (see
 * sla/domain/date-text.ts), in the calendar's zone, with the zone's offset named so nobody has
 * to guess: `11:30 (UTC+7), Thứ Hai 09/03/2026`.
 */
export function formatDueAt(at: Date, lang: Language, timeZone: string): string {
  return formatDateTime(at, lang, timeZone, { withZone: true });
}
