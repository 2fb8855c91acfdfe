import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { addAreas } from '../../i18n';
import { AuthLayout } from '../auth/AuthLayout';
import { SignInForm, type SignInValues } from '../auth/SignInForm';
import { operatorQueryKey } from './api';
import operator from './i18n';

// Before the operator layout, which brings the console's other texts.
addAreas({ operator });

export function OperatorLoginPage() {
  const { t } = useTranslation('operator');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (values: SignInValues) => api.post('/operator/auth/sign-in', { body: values }),
    onSuccess: async () => {
      // Drop the cached "not signed in" answer so the console does not bounce straight back here.
      await queryClient.resetQueries({ queryKey: operatorQueryKey });
      await navigate('/operator', { replace: true });
    },
  });

  return (
    <AuthLayout title={t('signInTitle')} subtitle={t('signInSubtitle')} area={t('console')}>
      <SignInForm signIn={signIn} />
    </AuthLayout>
  );
}
