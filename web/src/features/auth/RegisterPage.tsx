import { useMutation } from '@tanstack/react-query';
import { Button, Divider, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Body } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { FullPageSpin } from '../../components/FullPageSpin';
import { CorpFields } from '../corp/CorpFields';
import { useApplyMe, useMeQuery } from '../../session';
import { AccountFields } from './AccountFields';
import { AuthLayout } from './AuthLayout';

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
        {!signedIn && <Divider titlePlacement="start">{t('register.accountSection')}</Divider>}
        {!signedIn && <AccountFields prefix={['account']} />}
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
