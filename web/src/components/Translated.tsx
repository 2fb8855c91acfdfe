import { useTranslation } from 'react-i18next';
import { namespaces, type NamespacedKey } from '../i18n';

/** Text for a namespaced key held in data, such as a nav entry's label. */
export function Translated({ i18nKey }: { i18nKey: NamespacedKey }) {
  const { t } = useTranslation(namespaces);
  return t(i18nKey);
}
