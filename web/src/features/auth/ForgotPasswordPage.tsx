import { UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Body } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { AuthLayout } from './AuthLayout';

type ForgotValues = Body<'/auth/forgot-password', 'post'>;

/** 忘记密码: asks for a reset link by mail; the answer never says whether the login exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const ask = useMutation({ mutationFn: (body: ForgotValues) => api.post('/auth/forgot-password', { body }) });
  return (
    <AuthLayout title={t('forgot.title')} subtitle={ask.isSuccess ? undefined : t('forgot.subtitle')}>
      {ask.isSuccess ? (
        <Result status="success" title={t('forgot.sentTitle')} subTitle={t('forgot.sent')} extra={<Link to="/login">{t('forgot.back')}</Link>} />
      ) : (
        <Form<ForgotValues> layout="vertical" size="large" requiredMark={false} onFinish={ask.mutate}>
          <Form.Item name="login" label={t('signIn.login')} rules={[{ required: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <FormError error={ask.error} />
          <Button type="primary" htmlType="submit" block loading={ask.isPending}>
            {t('forgot.submit')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, textAlign: 'center' }}>
            <Link to="/login">{t('forgot.back')}</Link>
          </Typography.Paragraph>
        </Form>
      )}
    </AuthLayout>
  );
}
