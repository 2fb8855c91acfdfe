import { useTranslation } from 'react-i18next';

interface Localized {
  level1: string;
  level2: string | null;
  scope: string;
  en: { level1: string; level2: string | null; scope: string };
}

/** A category's names and scope in the chosen language (the server sends the seed's Chinese and the English beside it). */
export function useCategoryText(): (entry: Localized) => { level1: string; level2: string | null; scope: string; label: string } {
  const { i18n } = useTranslation();
  return (entry) => {
    const text = i18n.language === 'en' ? entry.en : entry;
    return { level1: text.level1, level2: text.level2, scope: text.scope, label: text.level2 ? `${text.level1} — ${text.level2}` : text.level1 };
  };
}
