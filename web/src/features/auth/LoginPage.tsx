import { useMutation } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import type { SignInState } from '../../components/SessionGate';
import { useApplyMe } from '../../session';
import { AuthLayout } from './AuthLayout';
import { ProviderSignIn } from './ProviderSignIn';
import { SignInForm, type SignInValues } from './SignInForm';

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const location = useLocation();
  const applyMe = useApplyMe();
  const signIn = useMutation({
    mutationFn: (values: SignInValues) => api.post('/auth/sign-in', { body: values }),
    onSuccess: async ({ me }) => {
      await applyMe(me);
      await navigate((location.state as SignInState | null)?.from ?? '/', { replace: true });
    },
  });

  return (
    <AuthLayout title={t('signIn.title')} subtitle={t('signIn.subtitle')} area={t('common:adminConsole')}>
      <SignInForm signIn={signIn} />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'right' }}>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </Typography.Paragraph>
      <ProviderSignIn />
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, textAlign: 'center' }}>
        {t('signIn.noCorp')} <Link to="/register">{t('signIn.register')}</Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
