import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The step-7 screens speak Vietnamese, English and Chinese: every string they ask for exists in
// all three, under the module's own top-level key.

const root = path.resolve(import.meta.dirname, '..');
const i18nDir = path.join(root, 'web/src/i18n');
const languages = ['vi', 'en', 'zh'] as const;
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(i18nDir, file), 'utf8')) as Record<string, unknown>;

function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const files = Object.fromEntries(languages.map((l) => [l, read(`rewards.${l}.json`)]));
const app = Object.fromEntries(
  languages.map((l) => [l, new Set([...keysOf(read(`${l}.json`)), ...keysOf(files[l]!)])]),
);
const screens = fs
  .readdirSync(path.join(root, 'web/src/modules/rewards'))
  .filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(root, 'web/src/modules/rewards', f), 'utf8'));
const literal = [
  ...new Set(
    screens.flatMap((text) =>
      [...text.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)].map((m) => m[1]!),
    ),
  ),
];

describe('the rewards screens in three languages', () => {
  it('have the same strings in vi, en and zh, none of them empty', () => {
    const [vi, en, zh] = languages.map((l) => keysOf(files[l]!).sort());
    expect(vi!.length).toBeGreaterThan(100);
    expect(en).toEqual(vi);
    expect(zh).toEqual(vi);
    for (const l of languages)
      for (const key of keysOf(files[l]!)) {
        const value = key
          .split('.')
          .reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], files[l]);
        expect(String(value).trim(), `${l} ${key}`).not.toBe('');
      }
  });

  it('name only strings that exist in every language', () => {
    expect(literal.length).toBeGreaterThan(50);
    for (const l of languages) expect(literal.filter((k) => !app[l]!.has(k))).toEqual([]);
  });

  it('keep to their own top-level key', () => {
    for (const l of languages) expect(Object.keys(files[l]!)).toEqual(['rewards']);
  });
});
