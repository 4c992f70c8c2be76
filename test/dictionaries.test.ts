import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The console loads one language's strings (web/src/i18n/bundle.<language>.ts). Every
// dictionary file exists in the three languages with the same keys, and each language's bundle
// takes every file of that language: a file left out would show keys instead of words.

const i18nDir = path.resolve(import.meta.dirname, '../web/src/i18n');
const languages = ['vi', 'en', 'zh'] as const;

function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const filesOf = (language: string) =>
  fs
    .readdirSync(i18nDir)
    .filter((f) => f === `${language}.json` || f.endsWith(`.${language}.json`))
    .sort();
const stem = (file: string, language: string) =>
  file === `${language}.json` ? '' : file.slice(0, -`.${language}.json`.length);

describe('the console’s dictionaries', () => {
  it('exist in vi, en and zh with the same keys', () => {
    const stems = languages.map((l) =>
      filesOf(l)
        .map((f) => stem(f, l))
        .sort(),
    );
    expect(stems[1]).toEqual(stems[0]);
    expect(stems[2]).toEqual(stems[0]);
    for (const s of stems[0]!) {
      const trees = languages.map(
        (l) =>
          JSON.parse(
            fs.readFileSync(path.join(i18nDir, s ? `${s}.${l}.json` : `${l}.json`), 'utf8'),
          ) as Record<string, unknown>,
      );
      // Plural forms differ by language (English has "one", Vietnamese and Chinese do not).
      const [vi, en, zh] = trees.map((tree) =>
        [
          ...new Set(keysOf(tree).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ''))),
        ].sort(),
      );
      expect(en, `${s || 'base'}: en`).toEqual(vi);
      expect(zh, `${s || 'base'}: zh`).toEqual(vi);
    }
  });

  it('are each taken into their language’s bundle', () => {
    for (const language of languages) {
      const bundle = fs.readFileSync(path.join(i18nDir, `bundle.${language}.ts`), 'utf8');
      for (const file of filesOf(language))
        expect(bundle, `bundle.${language}.ts imports ${file}`).toContain(`'./${file}'`);
    }
  });
});
