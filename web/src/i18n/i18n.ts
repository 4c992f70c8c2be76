import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageSchema } from '../../../src/platform/contract/fields.ts';

/** The UI speaks every language the contract knows. */
export const UI_LANGUAGES = languageSchema.options;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'ombud.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): UiLanguage {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode); Vietnamese is the default.
  }
  return 'vi';
}

export const i18n = i18next.createInstance();

/** Each language's strings are a chunk of their own (bundle.<language>.ts). */
const bundles: Record<UiLanguage, () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => import('./bundle.vi.ts'),
  en: () => import('./bundle.en.ts'),
  zh: () => import('./bundle.zh.ts'),
};

/** Loads a language's strings once; later calls return at once. */
export async function loadLanguage(language: UiLanguage): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const bundle = await bundles[language]();
  i18n.addResourceBundle(language, 'translation', bundle.default, true, true);
}

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initialLanguage(),
  fallbackLng: false,
  supportedLngs: [...UI_LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The console renders once the reader's language is here. */
export const languageReady: Promise<void> = loadLanguage(currentLanguage());

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language === 'zh' ? 'zh-Hans' : language;
}

syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** Changes the UI language for this browser; the signed-in user's choice is saved by the caller. */
export async function setUiLanguage(language: UiLanguage, remember = true): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Not remembered; the language still changes for this page.
    }
  }
  await loadLanguage(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'vi';
}
