import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

// Same limits as the server's password schema.
const PASSWORD_LENGTH = { min: 8, max: 128 };

interface PasswordFieldsProps {
  name: string | string[];
  label: string;
  confirmLabel: string;
}

/** A new-password field plus a confirmation field that must match it. */
export function PasswordFields({ name, label, confirmLabel }: PasswordFieldsProps) {
  const { t } = useTranslation('auth');
  return (
    <>
      <Form.Item name={name} label={label} validateFirst rules={[{ required: true }, PASSWORD_LENGTH]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={confirmLabel}
        dependencies={[name]}
        validateFirst
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
