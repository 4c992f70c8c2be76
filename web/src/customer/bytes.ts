import type { Language } from './languages.ts';

/** The units as each language's Intl writes them short. */
const UNITS: Record<Language, readonly string[]> = {
  vi: ['byte', 'kB', 'MB', 'GB'],
  en: ['byte', 'kB', 'MB', 'GB'],
  zh: ['B', 'kB', 'MB', 'GB'],
};

/** Decimal and thousands separators: Vietnamese writes 1.023,5; English and Chinese 1,023.5. */
const SEPARATORS: Record<Language, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
  zh: { decimal: '.', group: ',' },
};

/**
 * A file's size as the language writes it (`1,5 kB`, `10 MB`, `70 byte`), the same as the
 * console's Intl-based one, written by hand: a phone takes tens of milliseconds to set up Intl's
 * number formats the first time, on the page's first render.
 */
export function formatBytes(bytes: number, language: Language): string {
  const units = UNITS[language];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const scale = unit === 0 ? 1 : 10;
  const rounded = Math.round(value * scale) / scale;
  const [whole = '0', fraction] = String(rounded).split('.');
  const { decimal, group } = SEPARATORS[language];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${fraction ? `${grouped}${decimal}${fraction}` : grouped} ${units[unit]}`;
}
