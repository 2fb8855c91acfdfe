import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';

type Version = Item<Reply<'/operator/wallet/agreements'>['items']>;

const KEY = ['/operator/wallet/agreements'];

/** 充值服务协议: the operator edits both languages and publishes a new version; earlier versions stay listed. */
export function OperatorAgreementPage() {
  const { t } = useTranslation('operatorWallet');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ bodyZh: string; bodyEn: string }>();
  const versions = useQuery({ queryKey: KEY, queryFn: () => api.get('/operator/wallet/agreements'), select: (d) => d.items });
  const current = versions.data?.[0];
  useEffect(() => {
    if (current) form.setFieldsValue({ bodyZh: current.bodyZh, bodyEn: current.bodyEn });
  }, [current, form]);
  const publish = useMutation({
    mutationFn: (body: { bodyZh: string; bodyEn: string }) => api.post('/operator/wallet/agreements', { body }),
    onSuccess: async (published) => {
      void message.success(t('agreement.published', { version: published.version }));
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const confirm = (body: { bodyZh: string; bodyEn: string }) =>
    modal.confirm({
      title: t('agreement.publishConfirm', { version: (current?.version ?? 0) + 1 }),
      okText: t('agreement.publish'),
      onOk: () => publish.mutateAsync(body).catch(() => undefined),
    });
  const columns: TableColumnsType<Version> = [
    { key: 'version', title: t('agreement.version'), dataIndex: 'version' },
    { key: 'publishedAt', title: t('agreement.publishedAt'), dataIndex: 'publishedAt', render: formatDateTime },
    { key: 'publishedBy', title: t('agreement.publishedBy'), dataIndex: 'publishedBy', render: (name: string) => name || t('agreement.system') },
  ];
  return (
    <>
      <PageHeader title={t('agreement.title')}>{t('agreement.hint')}</PageHeader>
      <Flex vertical gap="middle">
        <ErrorAlert error={versions.error ?? publish.error} />
        <Card>
          {current && <Typography.Paragraph data-testid="agreement-current">{t('agreement.current', { version: current.version, at: formatDateTime(current.publishedAt) })}</Typography.Paragraph>}
          <Form form={form} layout="vertical" onFinish={confirm}>
            <Form.Item name="bodyZh" label={t('agreement.bodyZh')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={8} maxLength={20_000} lang="zh-CN" />
            </Form.Item>
            <Form.Item name="bodyEn" label={t('agreement.bodyEn')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={8} maxLength={20_000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={publish.isPending}>
              {t('agreement.publish')}
            </Button>
          </Form>
        </Card>
        <Card title={t('agreement.history')}>
          <Table<Version> rowKey="version" size="small" columns={columns} dataSource={versions.data ?? []} loading={versions.isLoading} />
        </Card>
      </Flex>
    </>
  );
}
