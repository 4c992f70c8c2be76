import type { Language } from '../../../platform/i18n.ts';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

function partsOf(at: Date, lang: Language, timeZone: string) {
  const parts = new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: lang === 'en' ? 'long' : 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return {
    weekday: part('weekday'),
    day: part('day'),
    month: part('month'),
    year: part('year'),
    time: `${part('hour')}:${part('minute')}`,
    offset,
  };
}

const pad = (s: string) => s.padStart(2, '0');

/**
 * A due time as the customer reads it in a message: the time, the weekday and the date in
 * their language, in the calendar's zone, with the zone's offset named so nobody has to guess
 * ("11:30 Thứ Hai, ngày 09/03/2026 (GMT+7)").
 */
export function formatDueAt(at: Date, lang: Language, timeZone: string): string {
  const p = partsOf(at, lang, timeZone);
  switch (lang) {
    case 'vi':
      return `${p.time} ${p.weekday}, ngày ${pad(p.day)}/${pad(p.month)}/${p.year} (${p.offset})`;
    case 'en':
      return `${p.time} on ${p.weekday} ${p.day} ${p.month} ${p.year} (${p.offset})`;
    case 'zh':
      return `${p.year}年${p.month}月${p.day}日（${p.weekday}）${p.time}（${p.offset}）`;
  }
}
