import { useTranslation } from 'react-i18next';
import type { NamespacedKey } from '../i18n';
import { namespaces } from '../i18n/areas';

/** Text for a namespaced key held in data, such as a nav entry's label. */
export function Translated({ i18nKey }: { i18nKey: NamespacedKey }) {
  const { t } = useTranslation(namespaces);
  return t(i18nKey);
}
