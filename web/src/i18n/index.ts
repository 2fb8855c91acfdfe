import i18n, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from './common';
import { languages, type Language } from './define';
import auth from '../features/auth/i18n';
import type { lazyAreas } from './areas';
import type errors from './errors';

/**
 * The texts the sign-in page needs, bundled with it; every other area's texts load with the
 * layouts (./areas.ts), the error sentences with useErrorMessage. One namespace per area:
 * `useTranslation('<namespace>')` or `t('<namespace>:key')`.
 */
export const eagerAreas = { common, auth };

type Areas = typeof eagerAreas & typeof lazyAreas & { errors: typeof errors };
export type Area = keyof Areas;
export type Resources = { [A in Area]: Areas[A]['zh-CN'] };

/** A key with its namespace, e.g. `audit:nav`, for text chosen outside the component that shows it. */
export type NamespacedKey = Extract<ParseKeys<Area[]>, `${Area}:${string}`>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

function resourcesFor(language: Language, areas: Partial<Areas>): Partial<Resources> {
  return Object.fromEntries(Object.entries(areas).map(([area, messages]) => [area, messages[language]]));
}

/** Registers areas' texts in both languages; a page may render them as soon as this returns. */
export function addAreas(areas: Partial<Areas>): void {
  for (const language of languages) {
    for (const [area, messages] of Object.entries(resourcesFor(language, areas))) i18n.addResourceBundle(language, area, messages, true, true);
  }
}

const STORAGE_KEY = 'banyan.lang';

declare global {
  interface Window {
    /** Every translation key looked up without a text, in the order asked. */
    banyanMissingKeys?: string[];
  }
}
const missingKeys: string[] = (window.banyanMissingKeys = []);

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : 'zh-CN';
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(languages.map((language) => [language, resourcesFor(language, eagerAreas)])),
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: languages,
  ns: Object.keys(eagerAreas),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  // Resources are bundled (the lazy areas are added before their pages render), so initialise
  // synchronously and render translated text on first paint.
  initAsync: false,
  // A key with no text is recorded where the browser tests (and a developer's devtools) can read it.
  saveMissing: true,
  missingKeyHandler: (_languages, namespace, key) => {
    missingKeys.push(`${namespace}:${key}`);
  },
});

export { languages, type Language };
export default i18n;
