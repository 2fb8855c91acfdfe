import i18n, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import admins from '../features/admins/i18n';
import apiTokens from '../features/api-tokens/i18n';
import apps from '../features/apps/i18n';
import devices from '../features/devices/i18n';
import docs from '../features/docs/i18n';
import approvals from '../features/approvals/i18n';
import audit from '../features/audit/i18n';
import contacts from '../features/contacts/i18n';
import auth from '../features/auth/i18n';
import corp from '../features/corp/i18n';
import overview from '../features/overview/i18n';
import customers from '../features/customers/i18n';
import inbox from '../features/inbox/i18n';
import memberLinks from '../features/member-links/i18n';
import operator from '../features/operator/i18n';
import security from '../features/security/i18n';
import shell from '../features/shell/i18n';
import sso from '../features/sso/i18n';
import wallet from '../features/wallet/i18n';
import operatorWallet from '../features/operator-wallet/i18n';
import operatorCategory from '../features/operator-category/i18n';
import common from './common';
import { languages, type Language } from './define';
import errors from './errors';

/**
 * Every feature area registers its translations here, one namespace each.
 * Use them with `useTranslation('<namespace>')` or `t('<namespace>:key')`.
 */
const areas = {
  common,
  errors,
  auth,
  shell,
  corp,
  overview,
  audit,
  contacts,
  apiTokens,
  admins,
  apps,
  devices,
  inbox,
  memberLinks,
  approvals,
  docs,
  operator,
  customers,
  security,
  sso,
  wallet,
  operatorWallet,
  operatorCategory,
};

type Area = keyof typeof areas;
export type Resources = { [A in Area]: (typeof areas)[A]['zh-CN'] };

export const namespaces = Object.keys(areas) as Area[];
/** A key with its namespace, e.g. `audit:nav`, for text chosen outside the component that shows it. */
export type NamespacedKey = Extract<ParseKeys<Area[]>, `${Area}:${string}`>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

function resourcesFor(language: Language): Resources {
  return Object.fromEntries(
    Object.entries(areas).map(([area, messages]) => [area, messages[language]]),
  ) as Resources;
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
  resources: Object.fromEntries(languages.map((language) => [language, resourcesFor(language)])),
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: languages,
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  // Resources are bundled, so initialise synchronously and render translated text on first paint.
  initAsync: false,
  // A key with no text is recorded where the browser tests (and a developer's devtools) can read it.
  saveMissing: true,
  missingKeyHandler: (_languages, namespace, key) => {
    missingKeys.push(`${namespace}:${key}`);
  },
});

export { languages, type Language };
export default i18n;
