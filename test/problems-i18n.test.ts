import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The step-8 screens speak Vietnamese, English and Chinese: every string they ask for exists in
// all three, under the module's own top-level key, and each language's bundle loads them.

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

const files = Object.fromEntries(languages.map((l) => [l, read(`problems.${l}.json`)]));
const app = Object.fromEntries(
  languages.map((l) => [l, new Set([...keysOf(read(`${l}.json`)), ...keysOf(files[l]!)])]),
);
const dirs = ['web/src/modules/problems', 'web/src/modules/complaints'];
const screens = dirs.flatMap((dir) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(root, dir, f), 'utf8')),
);
const literal = [
  ...new Set(
    screens.flatMap((text) =>
      [...text.matchAll(/\bt\(\s*'(problems(?:\.[a-zA-Z_]+)+)'/g)].map((m) => m[1]!),
    ),
  ),
];
// A string asked for with a count is found by its plural forms.
const has = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_other`);

describe('the problem screens in three languages', () => {
  it('have the same strings in vi, en and zh, none of them empty', () => {
    const [vi, en, zh] = languages.map((l) => keysOf(files[l]!).sort());
    expect(vi!.length).toBeGreaterThan(200);
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
    expect(literal.length).toBeGreaterThan(150);
    for (const l of languages) expect(literal.filter((k) => !has(app[l]!, k))).toEqual([]);
  });

  it('keep to their own top-level key, loaded by each bundle', () => {
    for (const l of languages) {
      expect(Object.keys(files[l]!)).toEqual(['problems']);
      const bundle = fs.readFileSync(path.join(i18nDir, `bundle.${l}.ts`), 'utf8');
      expect(bundle).toContain(`./problems.${l}.json`);
      expect(bundle).toContain('...problems');
    }
  });

  it('use the glossary words', () => {
    const text = (l: string) => JSON.stringify(files[l]);
    expect(text('vi')).toContain('vấn đề gốc');
    expect(text('vi')).toContain('hành động khắc phục');
    expect(text('vi')).toContain('chuỗi trách nhiệm');
    expect(text('zh')).toContain('问题单');
    expect(text('zh')).toContain('纠正措施');
    expect(text('zh')).toContain('责任链');
  });
});
