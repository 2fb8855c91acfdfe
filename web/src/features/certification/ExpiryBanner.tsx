import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../api';

/**
 * The console banner of the expiry warnings (30, 7 and 1 days, as the inbox's): on every page of the
 * admin console while the certification ends within 30 days, linking to the certification page
 * (which shows the warning itself).
 */
export function CertificationExpiryBanner() {
  const { t } = useTranslation('certification');
  const state = useQuery({ queryKey: ['/certification'], queryFn: () => api.get('/certification') });
  const { pathname } = useLocation();
  const days = state.data?.expiresInDays;
  if (days === null || days === undefined || pathname === '/certification') return null;
  return <Alert type="warning" showIcon banner data-testid="certification-banner" title={t('expiresIn', { days })} action={<Link to="/certification">{t('renew')}</Link>} style={{ marginBottom: 16 }} />;
}
