import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../session';

type Values = Body<'/corp/sso/oidc', 'put'>;
const settingsKey = ['/corp/sso/oidc'] as const;

/** 统一身份认证: the enterprise's OpenID Connect provider. The secret is write-only. */
export function OidcSettingsPage() {
  const { t } = useTranslation('sso');
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => api.get('/corp/sso/oidc') });
  useEffect(() => {
    if (!settings.data) return;
    const { displayName, issuer, clientId, claim, matchBy, autoCreate } = settings.data;
    form.setFieldsValue({ displayName, issuer, clientId, claim: claim || 'preferred_username', matchBy, autoCreate });
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (values: Values) => api.put('/corp/sso/oidc', { body: { ...values, ...(values.clientSecret ? {} : { clientSecret: undefined }) } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      form.setFieldValue('clientSecret', undefined);
      void message.success(t('saved'));
    },
  });
  const corpId = me.currentCorp!.id;
  const origin = window.location.origin;
  return (
    <>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      {settings.error ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <Card loading={settings.isPending}>
          <Form<Values> form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => save.mutate(values)}>
            <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, max: 40 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="issuer" label={t('issuer')} rules={[{ required: true, type: 'url' }]}>
              <Input placeholder="https://id.example.com" />
            </Form.Item>
            <Form.Item name="clientId" label={t('clientId')} rules={[{ required: true, max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="clientSecret" label={t('clientSecret')} rules={[{ required: !settings.data?.hasSecret, max: 400 }]}>
              <Input.Password autoComplete="new-password" placeholder={settings.data?.hasSecret ? t('secretKept') : undefined} />
            </Form.Item>
            <Form.Item name="claim" label={t('claim')} validateFirst rules={[{ required: true, pattern: /^[A-Za-z0-9_.:-]+$/ }, { max: 64 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="matchBy" label={t('matchBy')} initialValue="userid">
              <Radio.Group options={[{ value: 'userid', label: t('matchUserid') }, { value: 'email', label: t('matchEmail') }]} />
            </Form.Item>
            <Form.Item name="autoCreate" label={t('autoCreate')} valuePropName="checked" initialValue={false}>
              <Switch />
            </Form.Item>
            <Form.Item label={t('callback')}>
              <Typography.Text code copyable data-testid="oidc-callback">{settings.data?.callbackUrl}</Typography.Text>
            </Form.Item>
            <Form.Item label={t('signInLink')}>
              <Typography.Text code copyable data-testid="oidc-sign-in-link">{`${origin}/login?corp=${corpId}`}</Typography.Text>
            </Form.Item>
            <FormError error={save.error} />
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
