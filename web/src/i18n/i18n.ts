import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageSchema } from '../../../src/platform/contract/fields.ts';
import en from './en.json';
import followUpsEn from './followups.en.json';
import followUpsVi from './followups.vi.json';
import followUpsZh from './followups.zh.json';
import formsEn from './forms.en.json';
import formsVi from './forms.vi.json';
import formsZh from './forms.zh.json';
import loopEn from './loop.en.json';
import loopVi from './loop.vi.json';
import loopZh from './loop.zh.json';
import queueEn from './queue.en.json';
import queueVi from './queue.vi.json';
import queueZh from './queue.zh.json';
import rewardsEn from './rewards.en.json';
import rewardsVi from './rewards.vi.json';
import rewardsZh from './rewards.zh.json';
import readsEn from './reads.en.json';
import readsVi from './reads.vi.json';
import readsZh from './reads.zh.json';
import vi from './vi.json';
import zh from './zh.json';

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

void i18n.use(initReactI18next).init({
  // The clock, commitment and notice screens keep their strings in loop.*.json, the queue's
  // views and bulk actions in queue.*.json, the pickers and the public form's files in
  // forms.*.json, the queue's count in reads.*.json (each under top-level keys of its own).
  resources: {
    vi: {
      translation: {
        ...vi,
        ...loopVi,
        ...queueVi,
        ...formsVi,
        ...followUpsVi,
        ...rewardsVi,
        ...readsVi,
      },
    },
    en: {
      translation: {
        ...en,
        ...loopEn,
        ...queueEn,
        ...formsEn,
        ...followUpsEn,
        ...rewardsEn,
        ...readsEn,
      },
    },
    zh: {
      translation: {
        ...zh,
        ...loopZh,
        ...queueZh,
        ...formsZh,
        ...followUpsZh,
        ...rewardsZh,
        ...readsZh,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...UI_LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

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
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'vi';
}
