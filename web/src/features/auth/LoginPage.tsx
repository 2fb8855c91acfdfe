import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import type { SignInState } from '../../components/SessionGate';
import { useApplyMe } from '../../session';
import { AuthLayout, AuthLink, AuthNote } from './AuthLayout';
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
      <AuthNote secondary={false} style={{ marginTop: 16, textAlign: 'right' }}>
        <AuthLink to="/forgot-password">{t('signIn.forgot')}</AuthLink>
      </AuthNote>
      <ProviderSignIn />
      <AuthNote style={{ marginTop: 24, textAlign: 'center' }}>
        {t('signIn.noCorp')} <AuthLink to="/register">{t('signIn.register')}</AuthLink>
      </AuthNote>
    </AuthLayout>
  );
}
