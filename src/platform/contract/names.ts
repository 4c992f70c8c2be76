import { z } from 'zod';
import { text, type LanguageCode } from './fields.ts';

/**
 * Names read by customers and colleagues, one per UI language (as reasons have). A language left
 * out, or blank, shows the name in the org's default language, which every record has.
 */
export const namesInput = z.object({
  vi: text({ max: 200 }).optional(),
  en: text({ max: 200 }).optional(),
  zh: text({ max: 200 }).optional(),
});
export const namesView = z.object({
  vi: z.string().optional(),
  en: z.string().optional(),
  zh: z.string().optional(),
});
export type Names = Partial<Record<LanguageCode, string>>;

const isGiven = (value: string | undefined): value is string =>
  value !== undefined && value.trim().length > 0;

/** The name in `lang` when there is one, else `fallback` (the name in the org's default language). */
export function nameIn(names: Names, lang: LanguageCode, fallback: string): string {
  const name = names[lang];
  return isGiven(name) ? name : fallback;
}

/** The names that are given (blank ones dropped), as given. */
export function givenNames(names: Names): Names {
  const out: Names = {};
  for (const lang of ['vi', 'en', 'zh'] as const) {
    const name = names[lang];
    if (isGiven(name)) out[lang] = name;
  }
  return out;
}

/**
 * The names to store from a request with `names`, with the single `name` older clients send (the
 * name in the org's default language), or with both (`names` wins; `name` fills the default
 * language when `names` leaves it out). A request with only `name` keeps the other languages'
 * names stored before (`kept`). `name` is the name in the default language, which the default
 * language must have: otherwise the field to name in the refusal.
 */
export function namesToStore(
  input: { name?: string | null | undefined; names?: Names | undefined },
  defaultLanguage: LanguageCode,
  kept: Names = {},
): { ok: true; names: Names; name: string } | { ok: false; field: string } {
  const names = givenNames(input.names ?? kept);
  const single = input.name ?? undefined;
  // With names, a single name only fills the default language; alone, it renames it.
  if (isGiven(single) && (input.names === undefined || !isGiven(names[defaultLanguage])))
    names[defaultLanguage] = single;
  const name = names[defaultLanguage];
  if (!isGiven(name))
    return { ok: false, field: input.names === undefined ? 'name' : `names.${defaultLanguage}` };
  return { ok: true, names, name };
}
