import { useMutation } from '@tanstack/react-query';
import { Button, Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Body } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { FullPageSpin } from '../../components/FullPageSpin';
import { CorpFields } from '../corp/CorpFields';
import { useApplyMe, useMeQuery } from '../../session';
import { AuthLayout } from './AuthLayout';
import { PasswordFields } from './PasswordFields';

// Same rules as the server's account schema.
const LOGIN_NAME = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;
const PHONE = /^\+?[0-9]{6,15}$/;

type RegisterValues = Body<'/register', 'post'>;

/**
 * Registers an enterprise. Visitors also create their account here; a signed-in
 * account only fills in the enterprise ("register another enterprise").
 */
export function RegisterPage() {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const applyMe = useApplyMe();
  const me = useMeQuery();
  const signedIn = me.isSuccess;

  const register = useMutation({
    mutationFn: ({ account, corp }: RegisterValues) =>
      signedIn ? api.post('/corps', { body: corp }) : api.post('/register', { body: { account, corp } }),
    onSuccess: async (result) => {
      await applyMe(result.me);
      await navigate('/', { replace: true });
    },
  });

  if (me.isPending) return <FullPageSpin />;

  return (
    <AuthLayout
      title={signedIn ? t('register.anotherTitle') : t('register.title')}
      subtitle={signedIn ? t('register.anotherSubtitle') : t('register.subtitle')}
      area={t('common:adminConsole')}
      width={520}
    >
      <Form<RegisterValues> layout="vertical" requiredMark={false} onFinish={register.mutate} initialValues={{ corp: { industry: 'general' } }}>
        {!signedIn && <AccountFields />}
        {!signedIn && <Divider titlePlacement="start">{t('register.corpSection')}</Divider>}
        <CorpFields prefix={['corp']} />
        <FormError error={register.error} />
        <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
          {signedIn ? t('register.submitAnother') : t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, textAlign: 'center' }}>
        {signedIn ? (
          me.data.corps.length > 0 && <Link to="/">{t('common:actions.back')}</Link>
        ) : (
          <>
            {t('register.hasAccount')} <Link to="/login">{t('register.signIn')}</Link>
          </>
        )}
      </Typography.Paragraph>
    </AuthLayout>
  );
}

function AccountFields() {
  const { t } = useTranslation('auth');
  return (
    <>
      <Divider titlePlacement="start">{t('register.accountSection')}</Divider>
      <Form.Item name={['account', 'name']} label={t('register.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name={['account', 'loginName']}
        label={t('register.loginName')}
        extra={t('register.loginNameHint')}
        rules={[{ required: true }, { pattern: LOGIN_NAME, message: t('register.loginNameHint') }]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item
        name={['account', 'phone']}
        label={t('register.phone')}
        normalize={(value: string) => value || undefined}
        rules={[{ pattern: PHONE, message: t('register.phoneInvalid') }]}
      >
        <Input type="tel" autoComplete="tel" />
      </Form.Item>
      <PasswordFields
        name={['account', 'password']}
        label={t('register.password')}
        confirmLabel={t('register.confirmPassword')}
      />
    </>
  );
}
