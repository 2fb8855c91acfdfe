import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { PasswordInput, TextInput } from './inputs';

/** The member and the operator sign-in take the same body. */
export type SignInValues = Body<'/auth/sign-in', 'post'> & Body<'/operator/auth/sign-in', 'post'>;

/** Login + password form shared by the member and operator sign-in pages. */
export function SignInForm({ signIn }: { signIn: UseMutationResult<unknown, Error, SignInValues> }) {
  const { t } = useTranslation('auth');
  return (
    <Form<SignInValues> layout="vertical" size="large" requiredMark={false} onFinish={signIn.mutate}>
      <Form.Item name="login" label={t('signIn.login')} rules={[{ required: true }]}>
        <TextInput prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true }]}>
        <PasswordInput prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <FormError error={signIn.error} />
      <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
