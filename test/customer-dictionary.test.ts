import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_DICTIONARY_KEYS,
  DICTIONARY_FILES,
  pickCustomerStrings,
} from '../web/src/customer/dictionary-keys.ts';

// The customer pages carry only the strings they use, picked from the app's dictionaries at
// build time: every key is there in vi, en and zh, with its plural forms, and nothing else is.

const i18nDir = path.resolve(import.meta.dirname, '../web/src/i18n');
const merged = (language: string): Record<string, unknown> =>
  Object.assign(
    {},
    ...DICTIONARY_FILES(language)
      .map((file) => path.join(i18nDir, file))
      .filter((file) => fs.existsSync(file))
      .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>),
  );

const leaves = (tree: unknown, prefix = ''): string[] =>
  tree && typeof tree === 'object'
    ? Object.entries(tree).flatMap(([key, value]) =>
        leaves(value, prefix ? `${prefix}.${key}` : key),
      )
    : [prefix];

describe('the customer pages’ dictionary', () => {
  const picked = Object.fromEntries(
    (['vi', 'en', 'zh'] as const).map((l) => [l, pickCustomerStrings(merged(l), l)]),
  );

  it('has every key in every language, the same keys in each', () => {
    const vi = leaves(picked.vi).sort();
    expect(leaves(picked.en).sort()).toEqual(vi);
    expect(leaves(picked.zh).sort()).toEqual(vi);
    for (const key of CUSTOMER_DICTIONARY_KEYS)
      expect(
        vi.some((leaf) => leaf === key || leaf.startsWith(`${key}.`) || leaf.startsWith(`${key}_`)),
      ).toBe(true);
    expect((picked.vi as { public: { submit: string } }).public.submit).toBe('Gửi khiếu nại');
  });

  it('takes a key’s plural forms along', () => {
    const links = (picked.en as { trackingLinks: Record<string, string> }).trackingLinks;
    expect(Object.keys(links).sort()).toEqual([
      'revokedAll_one',
      'revokedAll_other',
      'revokedOthers_one',
      'revokedOthers_other',
    ]);
  });

  it('is a small part of the whole', () => {
    const size = (tree: unknown) => JSON.stringify(tree).length;
    for (const language of ['vi', 'en', 'zh'])
      expect(size(picked[language])).toBeLessThan(size(merged(language)) / 3);
  });

  it('refuses a key that a language lacks', () => {
    expect(() => pickCustomerStrings({ public: {} }, 'xx')).toThrow('"portal" is missing in xx');
  });
});
