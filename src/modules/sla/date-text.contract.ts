/**
 * How dates and times are written, without the schemas: the customer pages (the public form
 * and the portal) load this alone, so they carry no validation library.
 */
export { formatDate, formatDateTime, type DateLanguage } from './domain/date-text.ts';
