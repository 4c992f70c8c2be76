import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The queue's screens speak Vietnamese, English and Chinese: every string they ask for exists
// in all three, and the queue's own string files do not shadow the app's.

const root = path.resolve(import.meta.dirname, '..');
const i18nDir = path.join(root, 'web/src/i18n');
const languages = ['vi', 'en', 'zh'] as const;
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(i18nDir, file), 'utf8')) as Record<string, unknown>;

/** Every leaf key as a dotted path, plural suffixes dropped (Chinese has one form, vi/en two). */
function keysOf(tree: Record<string, unknown>, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = `${prefix}${key}`;
    if (value !== null && typeof value === 'object')
      for (const k of keysOf(value as Record<string, unknown>, `${name}.`)) out.add(k);
    else out.add(name.replace(/_(one|other)$/, ''));
  }
  return out;
}

const queueFiles = Object.fromEntries(languages.map((l) => [l, read(`queue.${l}.json`)]));
const allKeys = Object.fromEntries(
  languages.map((l) => [
    l,
    new Set([
      ...keysOf(read(`${l}.json`)),
      ...keysOf(read(`loop.${l}.json`)),
      ...keysOf(queueFiles[l]!),
      ...keysOf(read(`reads.${l}.json`)),
    ]),
  ]),
);

const screens = fs
  .readdirSync(path.join(root, 'web/src/modules/complaints'))
  .filter((f) => /^(queue-|complaint-queue-page|shortcuts-help)/.test(f))
  .map((f) => fs.readFileSync(path.join(root, 'web/src/modules/complaints', f), 'utf8'));

/** The keys the queue's screens name literally: t('…') and the shortcut list's labels. */
const usedKeys = [
  ...new Set(
    screens.flatMap((text) =>
      [...text.matchAll(/(?:\bt\(\s*|\[\s*'[^']+',\s*|: )'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)].map(
        (m) => m[1]!,
      ),
    ),
  ),
].filter((key) => !key.endsWith('.ts') && !key.endsWith('.tsx'));

describe('the queue in three languages', () => {
  it('has the same strings in vi, en and zh', () => {
    const [vi, en, zh] = languages.map((l) => [...keysOf(queueFiles[l]!)].sort());
    expect(vi!.length).toBeGreaterThan(30);
    expect(en).toEqual(vi);
    expect(zh).toEqual(vi);
  });

  it('finds every string its screens ask for, in every language', () => {
    for (const key of ['queueViews.save', 'bulk.selectedCount', 'queueShortcuts.toggle'])
      expect(usedKeys).toContain(key);
    for (const language of languages) {
      const missing = usedKeys.filter((key) => !allKeys[language]!.has(key));
      expect(missing, language).toEqual([]);
    }
  });

  it('keeps its own top-level keys, so it overrides none of the app strings', () => {
    for (const language of languages) {
      const app = { ...read(`${language}.json`), ...read(`loop.${language}.json`) };
      expect(Object.keys(queueFiles[language]!).filter((key) => key in app)).toEqual([]);
    }
  });

  it('counts the ticked cases with the plural forms each language has', () => {
    const bulk = (l: (typeof languages)[number]) => queueFiles[l]!.bulk as Record<string, string>;
    expect(bulk('en').selectedCount_one).toBe('{{count}} complaint selected');
    expect(bulk('en').selectedCount_other).toBe('{{count}} complaints selected');
    expect(bulk('vi').selectedCount_other).toBe('Đã chọn {{count}} khiếu nại');
    expect(bulk('zh').selectedCount_other).toBe('已选择 {{count}} 条投诉');
  });
});
