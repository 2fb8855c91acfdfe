import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { FullPageSpin } from '../../components/FullPageSpin';
import { formatDateTime } from '../../format';
import { addAreas } from '../../i18n';
import { useApplyMe } from '../../session';
import { AuthLayout } from '../auth/AuthLayout';
import { LinkAccountForm, type LinkAccount } from './LinkAccountForm';
import memberLinks from './i18n';
import { LinkUnusable } from './LinkUnusable';

// Before any layout, which brings the console's other texts.
addAreas({ memberLinks });

/** /activate/<token>: the invited person signs up or in, and the account becomes the member (已激活). */
export function ActivatePage() {
  const { t } = useTranslation('memberLinks');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const applyMe = useApplyMe();
  const preview = useQuery({ queryKey: ['/invitations/preview', token], queryFn: () => api.post('/invitations/preview', { body: { token } }) });

  const accept = async (account: LinkAccount) => {
    const { me } = await api.post('/invitations/accept', { body: { token, ...account } });
    await applyMe(me);
    await navigate('/app', { replace: true });
  };

  if (preview.isPending) return <FullPageSpin />;
  if (preview.isError) return <LinkUnusable error={preview.error} />;
  const { corpName, memberName, expiresAt } = preview.data;
  return (
    <AuthLayout title={t('activate.title', { corpName })} subtitle={t('activate.subtitle', { corpName, memberName, at: formatDateTime(expiresAt) })} area={t('area')}>
      <LinkAccountForm submit={accept} />
    </AuthLayout>
  );
}
