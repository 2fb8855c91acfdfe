import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordFields } from './PasswordFields';

// Same rules as the server's account schema.
const LOGIN_NAME = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;
const PHONE = /^\+?[0-9]{6,15}$/;

/** A new account's fields (name, login name, phone, password twice), under `prefix` in the form. */
export function AccountFields({ prefix }: { prefix: string[] }) {
  const { t } = useTranslation('auth');
  return (
    <>
      <Form.Item name={[...prefix, 'name']} label={t('register.name')} validateFirst rules={[{ required: true, whitespace: true }, { max: 64 }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'loginName']}
        label={t('register.loginName')}
        extra={t('register.loginNameHint')}
        validateFirst
        rules={[{ required: true }, { pattern: LOGIN_NAME, message: t('register.loginNameHint') }]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'phone']}
        label={t('register.phone')}
        normalize={(value: string) => value || undefined}
        rules={[{ pattern: PHONE, message: t('register.phoneInvalid') }]}
      >
        <Input type="tel" autoComplete="tel" />
      </Form.Item>
      <PasswordFields name={[...prefix, 'password']} label={t('register.password')} confirmLabel={t('register.confirmPassword')} />
    </>
  );
}
