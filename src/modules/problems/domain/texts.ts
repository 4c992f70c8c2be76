import type { LocalisedText } from './types.ts';

const languages = ['vi', 'en', 'zh'] as const;
type Lang = (typeof languages)[number];

/** The texts that are given (blank ones dropped), as given. */
export function givenTexts(texts: LocalisedText): LocalisedText {
  const out: LocalisedText = {};
  for (const lang of languages) {
    const t = texts[lang];
    if (t !== undefined && t.trim().length > 0) out[lang] = t;
  }
  return out;
}

export const hasAnyText = (texts: LocalisedText): boolean =>
  Object.keys(givenTexts(texts)).length > 0;

/** The text in the reader's language, else in the org's default, else the first one given. */
export function textIn(texts: LocalisedText, lang: Lang, orgDefault: Lang = 'vi'): string {
  const given = givenTexts(texts);
  return given[lang] ?? given[orgDefault] ?? languages.map((l) => given[l]).find(Boolean) ?? '';
}
