import { useLanguage } from '../../hooks/useLanguage';
import { useApiRights } from './api';

/** The grantable rights with their names in the current language. */
export function useRightOptions(): { value: string; label: string }[] {
  const language = useLanguage();
  const rights = useApiRights();
  return (rights.data ?? []).map(({ key, label }) => ({ value: key, label: language === 'zh-CN' ? label.zh : label.en }));
}
