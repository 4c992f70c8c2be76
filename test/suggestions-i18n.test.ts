import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { whyCodes } from '../src/modules/suggestions/domain/suggest.ts';

// The suggestions panel speaks Vietnamese, English and Chinese: every string it asks for, and a
// sentence for every reason a case is suggested, exists in all three.

const root = path.resolve(import.meta.dirname, '..');
const languages = ['vi', 'en', 'zh'] as const;
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, 'web/src/i18n', file), 'utf8')) as Record<
    string,
    unknown
  >;

/** Leaf keys as dotted paths, plural suffixes dropped (Chinese has one form, vi and en two). */
function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`.replace(/_(one|other)$/, '')],
  );
}

const files = Object.fromEntries(languages.map((l) => [l, read(`suggestions.${l}.json`)]));
const panel = fs.readFileSync(
  path.join(root, 'web/src/modules/suggestions/suggestions-panel.tsx'),
  'utf8',
);
const literal = [
  ...new Set([...panel.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)].map((m) => m[1]!)),
];

describe('the suggestions panel in three languages', () => {
  it('has the same strings in vi, en and zh, none of them empty', () => {
    const [vi, en, zh] = languages.map((l) => [...new Set(keysOf(files[l]!))].sort());
    expect(vi!.length).toBeGreaterThan(10);
    expect(en).toEqual(vi);
    expect(zh).toEqual(vi);
    for (const l of languages)
      for (const value of JSON.stringify(files[l]).match(/"[^"]*"/g) ?? [])
        expect(value.replace(/"/g, '').trim(), l).not.toBe('');
  });

  it('names only strings that exist, and explains every reason a case is suggested', () => {
    expect(literal.length).toBeGreaterThan(8);
    for (const l of languages) {
      const keys = new Set(keysOf(files[l]!));
      expect(
        literal.filter((k) => !keys.has(k)),
        l,
      ).toEqual([]);
      for (const code of whyCodes) expect(keys.has(`suggestions.why.${code}`), l).toBe(true);
    }
  });

  it('keeps to its own top-level key', () => {
    for (const l of languages) expect(Object.keys(files[l]!)).toEqual(['suggestions']);
  });
});
