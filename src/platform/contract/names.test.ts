import { describe, expect, it } from 'vitest';
import { givenNames, nameIn, namesToStore } from './names.ts';

describe('nameIn', () => {
  it.each([
    [{ vi: 'Giao lại hàng', en: 'Redeliver' }, 'en', 'Redeliver'],
    // A language left out, or blank, shows the name in the org's default language.
    [{ vi: 'Giao lại hàng', en: 'Redeliver' }, 'zh', 'Giao lại hàng'],
    [{ vi: 'Giao lại hàng', zh: '   ' }, 'zh', 'Giao lại hàng'],
  ] as const)('%j in %s is %s', (names, lang, expected) => {
    expect(nameIn(names, lang, 'Giao lại hàng')).toBe(expected);
  });
});

describe('namesToStore', () => {
  it.each([
    // Three names: stored as given.
    [
      { names: { vi: 'Tiêu chuẩn', en: 'Standard', zh: '标准' } },
      'vi',
      {},
      { ok: true, names: { vi: 'Tiêu chuẩn', en: 'Standard', zh: '标准' }, name: 'Tiêu chuẩn' },
    ],
    // An older client's single name is the default language's; the others stored are kept.
    [
      { name: 'Tiêu chuẩn mới' },
      'vi',
      { vi: 'Tiêu chuẩn', en: 'Standard' },
      { ok: true, names: { vi: 'Tiêu chuẩn mới', en: 'Standard' }, name: 'Tiêu chuẩn mới' },
    ],
    [{ name: 'Standard' }, 'en', {}, { ok: true, names: { en: 'Standard' }, name: 'Standard' }],
    // Both: names win; the name fills the default language they leave out.
    [
      { name: 'Tiêu chuẩn', names: { en: 'Standard' } },
      'vi',
      {},
      { ok: true, names: { en: 'Standard', vi: 'Tiêu chuẩn' }, name: 'Tiêu chuẩn' },
    ],
    [
      { name: 'x', names: { vi: 'Tiêu chuẩn' } },
      'vi',
      {},
      { ok: true, names: { vi: 'Tiêu chuẩn' }, name: 'Tiêu chuẩn' },
    ],
    // Blank names are dropped; the default language must have one.
    [{ names: { vi: ' ', en: 'Standard' } }, 'vi', {}, { ok: false, field: 'names.vi' }],
    [{ names: { vi: 'Tiêu chuẩn' } }, 'zh', {}, { ok: false, field: 'names.zh' }],
    [{}, 'vi', {}, { ok: false, field: 'name' }],
  ] as const)('%j (default %s, kept %j)', (input, lang, kept, expected) => {
    expect(namesToStore(input, lang, kept)).toEqual(expected);
  });

  it('keeps names exactly as given, spaces and all', () => {
    expect(givenNames({ vi: ' Giao  lại ', en: '' })).toEqual({ vi: ' Giao  lại ' });
  });
});
