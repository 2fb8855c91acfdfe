import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';

export function isCertified(certifiedUntil: string | null): certifiedUntil is string {
  return certifiedUntil !== null && new Date(certifiedUntil).getTime() > Date.now();
}

export function CertificationStatus({ certifiedUntil }: { certifiedUntil: string | null }) {
  const { t } = useTranslation('corp');
  return isCertified(certifiedUntil) ? (
    <Tag color="success">{t('certification.until', { date: formatDate(certifiedUntil) })}</Tag>
  ) : (
    <Tag>{t('certification.none')}</Tag>
  );
}
