import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../i18n';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languages.find((language) => language === i18n.resolvedLanguage) ?? 'zh-CN';
}
