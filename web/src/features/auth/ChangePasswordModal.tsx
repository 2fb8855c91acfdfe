import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { FormModal } from '../../components/FormModal';
import { PasswordFields } from './PasswordFields';

type ChangePasswordValues = Body<'/auth/password', 'post'>;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();

  async function changePassword({ currentPassword, newPassword }: ChangePasswordValues) {
    await api.post('/auth/password', { body: { currentPassword, newPassword } });
    void message.success(t('password.changed'));
  }

  return (
    <FormModal<ChangePasswordValues> open={open} title={t('password.title')} onSubmit={changePassword} onClose={onClose}>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <PasswordFields name="newPassword" label={t('password.new')} confirmLabel={t('password.confirm')} />
    </FormModal>
  );
}
