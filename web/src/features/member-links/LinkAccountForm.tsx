import { useMutation } from '@tanstack/react-query';
import { Button, Form, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { fieldOf, useFieldError } from '../../hooks/useFieldError';
import { AccountFields } from '../auth/AccountFields';
import { SignInForm, type SignInValues } from '../auth/SignInForm';

/** What a link's page sends besides the token: a new account, or the sign-in of an existing one. */
type NewAccount = Extract<Body<'/invitations/accept', 'post'>, { signUp: unknown }>['signUp'];
export type LinkAccount = { signUp: NewAccount } | { signIn: SignInValues };

/** A login name someone already has is refused at its field. */
const FIELD_OF_CODE = { 'account.login_taken': ['signUp', 'loginName'] };

/** Sign up (name, login, password) or sign in to an existing account, to use a link with it. */
export function LinkAccountForm({ submit }: { submit: (account: LinkAccount) => Promise<unknown> }) {
  const { t } = useTranslation('memberLinks');
  const [mode, setMode] = useState<'signUp' | 'signIn'>('signUp');
  const [form] = Form.useForm<{ signUp: NewAccount }>();
  const atField = useFieldError(form, FIELD_OF_CODE);
  const signUp = useMutation({ mutationFn: (values: { signUp: NewAccount }) => submit({ signUp: values.signUp }), onError: atField });
  const signIn = useMutation({ mutationFn: (values: SignInValues) => submit({ signIn: values }) });
  return (
    <>
      <Segmented
        block
        value={mode}
        onChange={(v) => setMode(v as 'signUp' | 'signIn')}
        options={[
          { value: 'signUp', label: t('signUp') },
          { value: 'signIn', label: t('signIn') },
        ]}
        style={{ marginBottom: 24 }}
      />
      {mode === 'signIn' ? (
        <SignInForm signIn={signIn} />
      ) : (
        <Form<{ signUp: NewAccount }> form={form} layout="vertical" requiredMark={false} onFinish={(values) => signUp.mutate(values)}>
          <AccountFields prefix={['signUp']} />
          <FormError error={fieldOf(signUp.error, FIELD_OF_CODE) ? null : signUp.error} />
          <Button type="primary" htmlType="submit" size="large" block loading={signUp.isPending}>
            {t('signUpSubmit')}
          </Button>
        </Form>
      )}
    </>
  );
}
