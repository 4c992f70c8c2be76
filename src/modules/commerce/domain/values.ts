/**
 * The values of an imported file as people type them in Vietnam (and elsewhere): dates in
 * day-month-year order or as Excel cells, amounts with dots between thousands and a currency
 * sign, phone numbers with spaces. Pure: the time zone is a parameter.
 */
import { wallClockToInstant } from '../../../platform/local-day.ts';

/** A cell as a file gives it: text from a CSV, or a typed value from a spreadsheet. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; messageKey: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refused = (messageKey: string): Parsed<never> => ({ ok: false, messageKey });

export const isBlankCell = (v: CellValue | undefined): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export { wallClockToInstant };

const validDay = (y: number, mo: number, d: number) => {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
};

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is folded into that epoch). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * A date or a date and time: a spreadsheet date cell (its wall clock, read in the org's zone),
 * an Excel serial number (45658 is 1 January 2025), `dd/mm/yyyy` (Vietnamese order, also with
 * `-` or `.` and an optional `HH:mm[:ss]`), or ISO 8601 (`2025-01-31`, with a time and offset).
 */
export function parseDate(value: CellValue, timeZone: string): Parsed<Date> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refused('import.invalid_date');
    // Spreadsheet dates carry no zone: their UTC reading is the wall clock that was typed.
    return ok(
      wallClockToInstant(
        timeZone,
        value.getUTCFullYear(),
        value.getUTCMonth() + 1,
        value.getUTCDate(),
        value.getUTCHours(),
        value.getUTCMinutes(),
        value.getUTCSeconds(),
      ),
    );
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{5}(\.\d+)?$/.test(value))) {
    const serial = Number(value);
    if (!(serial >= 1 && serial < 2_958_466)) return refused('import.invalid_date');
    const wall = new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
    return parseDate(wall, timeZone);
  }
  if (typeof value !== 'string') return refused('import.invalid_date');
  const t = value.trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    t,
  );
  if (vn) {
    const [d, mo, y, h, mi, s] = vn.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    if (!validDay(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59)
      return refused('import.invalid_date');
    return ok(wallClockToInstant(timeZone, y!, mo!, d!, h, mi, s));
  }
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      t,
    );
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
    if (!validDay(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59)
      return refused('import.invalid_date');
    if (iso[7]) {
      const at = new Date(t.replace(' ', 'T'));
      return Number.isNaN(at.getTime()) ? refused('import.invalid_date') : ok(at);
    }
    return ok(wallClockToInstant(timeZone, y!, mo!, d!, h, mi, s));
  }
  return refused('import.invalid_date');
}

/** Currency signs and words people write beside an amount. */
const word = (w: string) => `(?<!\\p{L})(?:${w})(?!\\p{L})`;
const currencySigns: [RegExp, string][] = [
  [new RegExp(`₫|${word('đ|đồng|vnđ|vnd')}`, 'iu'), 'VND'],
  [new RegExp(`US\\$|\\$|${word('usd')}`, 'iu'), 'USD'],
  [new RegExp(`€|${word('eur')}`, 'iu'), 'EUR'],
  [new RegExp(`¥|￥|元|${word('cny|rmb')}`, 'iu'), 'CNY'],
];

/** The currency an amount's text names by its sign, if any. */
export function currencyOfAmount(value: CellValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  return currencySigns.find(([re]) => re.test(value))?.[1];
}

/**
 * An amount in the currency's major unit, as a number: `1.250.000`, `1.250.000 ₫`, `1,250,000`,
 * `1 250 000`, `12.50`, `1.234,56`. Dots or commas between groups of three digits are thousands
 * separators (the Vietnamese way, and the only one for a currency with no minor unit).
 */
export function parseAmount(value: CellValue, exponent: number): Parsed<number> {
  if (typeof value === 'number')
    return Number.isFinite(value) ? ok(value) : refused('import.invalid_amount');
  if (typeof value !== 'string') return refused('import.invalid_amount');
  let t = value;
  for (const [re] of currencySigns) t = t.replace(new RegExp(re.source, 'giu'), '');
  t = t.replace(/[\s\u00a0\u202f']/g, '');
  if (t.startsWith('-')) return refused('import.negative_amount');
  if (!/^\d[\d.,]*$/.test(t)) return refused('import.invalid_amount');
  const groups = /^\d{1,3}([.,]\d{3})+$/;
  let normal: string;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the later one is the decimal mark.
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [whole, fraction] = t.split(decimal) as [string, string | undefined];
    if (
      t.split(decimal).length !== 2 ||
      !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`).test(whole)
    )
      return refused('import.invalid_amount');
    normal = `${whole.split(thousands).join('')}.${fraction ?? ''}`;
  } else if (groups.test(t) && (exponent === 0 || t.split(/[.,]/).length > 2)) {
    normal = t.replace(/[.,]/g, '');
  } else if (/^\d+([.,]\d+)?$/.test(t)) {
    normal = t.replace(',', '.');
  } else {
    return refused('import.invalid_amount');
  }
  const n = Number(normal);
  return Number.isFinite(n) ? ok(n) : refused('import.invalid_amount');
}

/**
 * A phone number as text. A spreadsheet that stored a Vietnamese number as a number lost its
 * leading 0 (912345678): it is given back.
 */
export function phoneText(value: CellValue, country: string): string {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const digits = String(value);
    return country === 'VN' && /^[35789]\d{8}$/.test(digits) ? `0${digits}` : digits;
  }
  return cellText(value);
}

/** A cell as text, as a person reads it (numbers without exponent notation). */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value).trim();
}

/** Subscription event kinds as people write them. */
const kindWords: Record<string, 'start' | 'renew' | 'cancel'> = {
  start: 'start',
  started: 'start',
  new: 'start',
  'bat dau': 'start',
  'dang ky': 'start',
  moi: 'start',
  开始: 'start',
  新订: 'start',
  订阅: 'start',
  renew: 'renew',
  renewal: 'renew',
  renewed: 'renew',
  'gia han': 'renew',
  续订: 'renew',
  续费: 'renew',
  cancel: 'cancel',
  cancelled: 'cancel',
  canceled: 'cancel',
  huy: 'cancel',
  'huy bo': 'cancel',
  取消: 'cancel',
  退订: 'cancel',
};

/** Lower case, no diacritics (đ is d), single spaces: how headers and words are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

export function parseKind(value: CellValue): Parsed<'start' | 'renew' | 'cancel'> {
  const kind = kindWords[fold(cellText(value))];
  return kind ? ok(kind) : refused('import.invalid_kind');
}

/** A value looked up by its folded words. */
const byWords = <T>(words: Record<string, T>) =>
  new Map(Object.entries(words).map(([w, v]) => [fold(w), v]));

type ChannelWord = 'web' | 'email' | 'phone' | 'chat' | 'walk_in' | 'social' | 'api';

/** Complaint channels as people write them, in Vietnamese, English and Chinese. */
const channelWords = byWords<ChannelWord>({
  web: 'web',
  website: 'web',
  'web form': 'web',
  form: 'web',
  'trang web': 'web',
  'biểu mẫu': 'web',
  网站: 'web',
  网页: 'web',
  表单: 'web',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  thư: 'email',
  'thư điện tử': 'email',
  邮件: 'email',
  电子邮件: 'email',
  邮箱: 'email',
  phone: 'phone',
  telephone: 'phone',
  call: 'phone',
  hotline: 'phone',
  'điện thoại': 'phone',
  'gọi điện': 'phone',
  'tổng đài': 'phone',
  电话: 'phone',
  热线: 'phone',
  chat: 'chat',
  'live chat': 'chat',
  zalo: 'chat',
  messenger: 'chat',
  'nhắn tin': 'chat',
  'trò chuyện': 'chat',
  聊天: 'chat',
  在线客服: 'chat',
  微信: 'chat',
  walk_in: 'walk_in',
  'walk-in': 'walk_in',
  'walk in': 'walk_in',
  'in person': 'walk_in',
  'tại quầy': 'walk_in',
  'trực tiếp': 'walk_in',
  'tại cửa hàng': 'walk_in',
  到店: 'walk_in',
  现场: 'walk_in',
  门店: 'walk_in',
  social: 'social',
  'social media': 'social',
  facebook: 'social',
  'mạng xã hội': 'social',
  社交媒体: 'social',
  微博: 'social',
  api: 'api',
});

export function parseChannel(value: CellValue): Parsed<ChannelWord> {
  const channel = channelWords.get(fold(cellText(value)));
  return channel ? ok(channel) : refused('import.invalid_channel');
}

/** A historical complaint's status as people write it. */
const statusWords = byWords<'open' | 'fixed' | 'closed'>({
  open: 'open',
  new: 'open',
  'in progress': 'open',
  mới: 'open',
  mở: 'open',
  'đang mở': 'open',
  'đang xử lý': 'open',
  'chưa xử lý': 'open',
  新建: 'open',
  处理中: 'open',
  待处理: 'open',
  未解决: 'open',
  fixed: 'fixed',
  resolved: 'fixed',
  'đã khắc phục': 'fixed',
  'đã giải quyết': 'fixed',
  'đã xử lý': 'fixed',
  已解决: 'fixed',
  已处理: 'fixed',
  已修复: 'fixed',
  closed: 'closed',
  done: 'closed',
  đóng: 'closed',
  'đã đóng': 'closed',
  'hoàn tất': 'closed',
  已关闭: 'closed',
  关闭: 'closed',
  结案: 'closed',
  已结案: 'closed',
});

export function parseStatus(value: CellValue): Parsed<'open' | 'fixed' | 'closed'> {
  const status = statusWords.get(fold(cellText(value)));
  return status ? ok(status) : refused('import.invalid_status');
}
