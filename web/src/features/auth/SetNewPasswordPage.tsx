import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { meQueryKey } from '../../session';
import { AuthLayout } from './AuthLayout';
import { PasswordFields } from './PasswordFields';

type ChangeValues = Body<'/auth/password', 'post'>;

/** 下次登录时修改密码: the step before anything else when an admin asked for a new password. */
export function SetNewPasswordPage() {
  const { t } = useTranslation('auth');
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: ChangeValues) => api.post('/auth/password', { body: { currentPassword, newPassword } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  return (
    <AuthLayout title={t('required.title')} subtitle={t('required.subtitle')}>
      <Form<ChangeValues> layout="vertical" size="large" requiredMark={false} onFinish={change.mutate}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields name="newPassword" label={t('password.new')} confirmLabel={t('password.confirm')} />
        <FormError error={change.error} />
        <Button type="primary" htmlType="submit" block loading={change.isPending}>
          {t('required.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
