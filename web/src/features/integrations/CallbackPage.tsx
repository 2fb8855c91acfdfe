import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Body } from '../../api';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useAppText } from '../apps/appName';
import { DeliveryLog } from './DeliveryLog';
import { randomAlphanumeric } from './random';

type Values = Body<'/apps/{appId}/callback', 'put'>;

/** 接收消息 of one app: URL, Token and EncodingAESKey (随机获取), saved once the URL passed the handshake; and the delivery log. */
export function CallbackPage() {
  const { t } = useTranslation('integrations');
  const appId = useParams().appId ?? '';
  const appText = useAppText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const key = ['/apps/{appId}/callback', appId] as const;
  const apps = useQuery({ queryKey: ['/apps'], queryFn: () => api.get('/apps'), select: (d) => d.items.find((a) => a.id === appId) });
  const settings = useQuery({ queryKey: key, queryFn: () => api.get('/apps/{appId}/callback', { params: { path: { appId } } }) });
  useEffect(() => {
    const callback = settings.data?.callback;
    if (callback) form.setFieldsValue({ url: callback.url, token: callback.token, aesKey: callback.aesKey });
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (values: Values) => api.put('/apps/{appId}/callback', { params: { path: { appId } }, body: values }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, { callback: saved });
      void message.success(t('callback.saved'));
    },
  });
  const random = (field: 'token' | 'aesKey', length: number) => form.setFieldValue(field, randomAlphanumeric(length));
  return (
    <>
      <PageHeader title={t('callback.title', { app: apps.data ? appText(apps.data).name : '' })} extra={<Link to="/apps">{t('callback.back')}</Link>}>
        {t('callback.intro')}
      </PageHeader>
      <Flex vertical gap="middle">
        <Card loading={settings.isPending}>
          <ErrorAlert error={settings.error} />
          <Form<Values> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(values) => save.mutate(values)}>
            <Form.Item name="url" label={t('callback.url')} extra={t('callback.urlHint')} validateFirst rules={[{ required: true, pattern: /^https?:\/\/\S+$/ }, { max: 500 }]}>
              <Input placeholder="https://" />
            </Form.Item>
            <Form.Item label={t('callback.token')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="token" noStyle rules={[{ required: true, pattern: /^[A-Za-z0-9]{1,32}$/ }]}>
                  <Input aria-label={t('callback.token')} />
                </Form.Item>
                <Button onClick={() => random('token', 32)} data-testid="random-token">{t('callback.random')}</Button>
              </Space.Compact>
            </Form.Item>
            <Form.Item label={t('callback.aesKey')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="aesKey" noStyle rules={[{ required: true, pattern: /^[A-Za-z0-9]{43}$/ }]}>
                  <Input aria-label={t('callback.aesKey')} />
                </Form.Item>
                <Button onClick={() => random('aesKey', 43)} data-testid="random-aes-key">{t('callback.random')}</Button>
              </Space.Compact>
            </Form.Item>
            <FormError error={save.error} />
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('callback.save')}
            </Button>
          </Form>
        </Card>
        <DeliveryLog
          queryKey={['/apps/{appId}/callback/deliveries', appId]}
          load={() => api.get('/apps/{appId}/callback/deliveries', { params: { path: { appId } } })}
          replay={(deliveryId) => api.post('/apps/{appId}/callback/deliveries/{deliveryId}/replay', { params: { path: { appId, deliveryId } } })}
        />
      </Flex>
    </>
  );
}
