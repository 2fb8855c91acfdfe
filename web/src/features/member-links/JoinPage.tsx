import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { FullPageSpin } from '../../components/FullPageSpin';
import { addAreas } from '../../i18n';
import { useApplyMe } from '../../session';
import { AuthLayout } from '../auth/AuthLayout';
import { LinkAccountForm, type LinkAccount } from './LinkAccountForm';
import memberLinks from './i18n';
import { LinkUnusable } from './LinkUnusable';

// Before any layout, which brings the console's other texts.
addAreas({ memberLinks });

/** /join/<code>: anyone with the enterprise's link signs up or in, then joins at once or waits for review. */
export function JoinPage() {
  const { t } = useTranslation('memberLinks');
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const applyMe = useApplyMe();
  const [pending, setPending] = useState(false);
  const preview = useQuery({ queryKey: ['/join/preview', code], queryFn: () => api.post('/join/preview', { body: { token: code } }) });

  const join = async (account: LinkAccount) => {
    const { outcome, me } = await api.post('/join', { body: { token: code, ...account } });
    await applyMe(me);
    if (outcome === 'joined') await navigate('/app', { replace: true });
    else setPending(true);
  };

  if (preview.isPending) return <FullPageSpin />;
  if (preview.isError) return <LinkUnusable error={preview.error} />;
  const { corpName, departmentName, review } = preview.data;
  return (
    <AuthLayout title={t('join.title', { corpName })} subtitle={pending ? undefined : t('join.subtitle', { departmentName })} area={t('area')}>
      {pending ? (
        <Result
          status="info"
          title={<span data-testid="join-pending">{t('join.pendingTitle')}</span>}
          subTitle={t('join.pendingBody', { corpName })}
          extra={
            <Link to="/login">
              <Button type="primary">{t('toSignIn')}</Button>
            </Link>
          }
        />
      ) : (
        <>
          {review && <Alert type="info" showIcon title={t('join.review')} style={{ marginBottom: 16 }} />}
          <LinkAccountForm submit={join} />
        </>
      )}
    </AuthLayout>
  );
}
