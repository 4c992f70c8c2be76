import { useEffect, useState } from 'preact/hooks';
import dictionaries from 'virtual:customer-dictionary';
import { LANGUAGES, type Language } from './languages.ts';

/**
 * The customer pages' own small i18n: the same keys and strings as the console's (picked at
 * build time), `{{name}}` interpolation and plural forms, and the language of the page.
 */
export { LANGUAGES, type Language } from './languages.ts';

export const LANGUAGE_NAMES: Record<Language, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  zh: '中文',
};

type Tree = { [key: string]: string | Tree };
type Values = Record<string, string | number | undefined>;

/** The console remembers a person's language here; a customer's choice is never saved to it. */
const STORAGE_KEY = 'ombud.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode); Vietnamese is the default.
  }
  return 'vi';
}

let language: Language = initialLanguage();
const listeners = new Set<(language: Language) => void>();

function syncDocumentLanguage(): void {
  document.documentElement.lang = language === 'zh' ? 'zh-Hans' : language;
}
syncDocumentLanguage();

export function currentLanguage(): Language {
  return language;
}

/** Changes the page's language (for this page only: the device may be shared). */
export function setLanguage(next: Language): void {
  if (next === language) return;
  language = next;
  syncDocumentLanguage();
  for (const listener of listeners) listener(next);
}

/** The page's language; the component renders again when it changes. */
export function useLanguage(): Language {
  const [value, setValue] = useState(language);
  useEffect(() => {
    listeners.add(setValue);
    setValue(language);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function find(lang: Language, key: string, count: unknown): string | undefined {
  const tree = dictionaries[lang];
  if (typeof count === 'number') {
    let rules = pluralRules.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(lang);
      pluralRules.set(lang, rules);
    }
    const form = rules.select(count);
    const plural = lookup(tree, `${key}_${form}`) ?? lookup(tree, `${key}_other`);
    if (plural !== undefined) return plural;
  }
  return lookup(tree, key);
}

/** The string of a key in the page's language (Vietnamese when it has none), filled in. */
export function t(key: string, values: Values & { defaultValue?: string } = {}): string {
  const template =
    find(language, key, values.count) ??
    find('vi', key, values.count) ??
    values.defaultValue ??
    key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when the dictionary has the key (in the page's language). */
export function hasKey(key: string): boolean {
  return lookup(dictionaries[language], key) !== undefined;
}

export function setPageTitle(title: string): void {
  document.title = title ? `${title} · Ombud` : 'Ombud';
}
