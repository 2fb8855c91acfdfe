import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { AuthLayout } from './AuthLayout';
import { PasswordFields } from './PasswordFields';

/** /reset/<token>: sets a new password with a reset link (usable at phone width). */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const token = useParams().token ?? '';
  const preview = useQuery({ queryKey: ['/auth/password-reset/preview', token], queryFn: () => api.post('/auth/password-reset/preview', { body: { token } }), retry: false });
  const reset = useMutation({ mutationFn: (newPassword: string) => api.post('/auth/password-reset', { body: { token, newPassword } }) });
  const done = reset.isSuccess;
  return (
    <AuthLayout title={t('reset.title')} subtitle={preview.data && !done ? t('reset.subtitle', { name: preview.data.name, login: preview.data.loginName, corp: preview.data.corpName, until: formatDateTime(preview.data.expiresAt) }) : undefined}>
      {done ? (
        <Result status="success" title={t('reset.doneTitle')} subTitle={t('reset.done')} extra={<Link to="/login">{t('reset.signIn')}</Link>} />
      ) : preview.isPending ? (
        <Skeleton active />
      ) : preview.isError ? (
        <>
          <ErrorAlert error={preview.error} />
          <p style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/forgot-password">{t('reset.askAgain')}</Link>
          </p>
        </>
      ) : (
        <Form<{ newPassword: string }> layout="vertical" size="large" requiredMark={false} onFinish={(values) => reset.mutate(values.newPassword)}>
          <PasswordFields name="newPassword" label={t('password.new')} confirmLabel={t('password.confirm')} />
          <FormError error={reset.error} />
          <Button type="primary" htmlType="submit" block loading={reset.isPending}>
            {t('reset.submit')}
          </Button>
        </Form>
      )}
    </AuthLayout>
  );
}
