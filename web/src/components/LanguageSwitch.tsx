import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, languages, type Language } from '../i18n';
import { useLanguage } from '../hooks/useLanguage';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size="small"
      value={language}
      options={languages.map((value) => ({ value, label: t(`language.${value}`) }))}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}
