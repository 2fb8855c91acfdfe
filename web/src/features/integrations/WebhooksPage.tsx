import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Form, Input, Modal, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { DeliveryLog } from './DeliveryLog';

type Webhook = Item<Reply<'/webhooks'>['items']>;
type Values = Body<'/webhooks', 'post'>;
const listKey = ['/webhooks'] as const;

/** Webhook: the enterprise's endpoints, the events each hears, its secret (shown once) and its delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation('integrations');
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const hooks = useQuery({ queryKey: listKey, queryFn: () => api.get('/webhooks'), select: (d) => d.items });
  const types = useQuery({ queryKey: ['/webhooks/event-types'], queryFn: () => api.get('/webhooks/event-types'), select: (d) => d.items });
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const typeName = (type: string) => t(`webhooks.types.${type}`, { defaultValue: type });
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });
  const rotate = useMutation({ mutationFn: (webhookId: string) => api.post('/webhooks/{webhookId}/secret', { params: { path: { webhookId } } }), onSuccess: (r) => setSecret(r.secret), onError: notifyError });
  const remove = useMutation({ mutationFn: (webhookId: string) => api.delete('/webhooks/{webhookId}', { params: { path: { webhookId } } }), onSuccess: refresh, onError: notifyError });
  const shownLog = logOf ?? hooks.data?.[0]?.id ?? null;
  return (
    <>
      <PageHeader title={t('webhooks.title')} extra={<Button type="primary" onClick={() => setEditing('new')}>{t('webhooks.add')}</Button>}>
        {t('webhooks.intro')}
      </PageHeader>
      <Flex vertical gap="middle">
        <Card>
          <ErrorAlert error={hooks.error} />
          <Table<Webhook>
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            loading={hooks.isPending}
            dataSource={hooks.data}
            columns={[
              { key: 'url', title: t('webhooks.url'), render: (_, w) => <Flex vertical><Typography.Text code>{w.url}</Typography.Text>{w.description && <Typography.Text type="secondary">{w.description}</Typography.Text>}</Flex> },
              { key: 'types', title: t('webhooks.eventTypes'), render: (_, w) => <Flex wrap gap={4}>{w.eventTypes.map((type) => <Tag key={type}>{typeName(type)}</Tag>)}</Flex> },
              { key: 'enabled', title: t('webhooks.enabled'), render: (_, w) => <Tag color={w.enabled ? 'success' : 'default'}>{w.enabled ? t('webhooks.on') : t('webhooks.off')}</Tag> },
              {
                key: 'actions',
                title: t('webhooks.actions'),
                render: (_, w) => (
                  <Flex gap="small">
                    <Button type="link" size="small" onClick={() => setLogOf(w.id)}>{t('webhooks.log')}</Button>
                    <Button type="link" size="small" onClick={() => setEditing(w)}>{t('webhooks.edit')}</Button>
                    <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => rotate.mutate(w.id)}>
                      <Button type="link" size="small">{t('webhooks.rotate')}</Button>
                    </Popconfirm>
                    <Popconfirm title={t('webhooks.deleteConfirm')} onConfirm={() => remove.mutate(w.id)}>
                      <Button type="link" danger size="small">{t('webhooks.delete')}</Button>
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
        {shownLog && (
          <DeliveryLog
            key={shownLog}
            queryKey={['/webhooks/{webhookId}/deliveries', shownLog]}
            load={() => api.get('/webhooks/{webhookId}/deliveries', { params: { path: { webhookId: shownLog } } })}
            replay={(deliveryId) => api.post('/webhooks/{webhookId}/deliveries/{deliveryId}/replay', { params: { path: { webhookId: shownLog, deliveryId } } })}
            eventName={typeName}
          />
        )}
      </Flex>
      {editing && (
        <FormModal<Values>
          open
          title={editing === 'new' ? t('webhooks.add') : t('webhooks.edit')}
          initialValues={editing === 'new' ? { enabled: true, eventTypes: [] } : { url: editing.url, description: editing.description, eventTypes: editing.eventTypes, enabled: editing.enabled }}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            const body = { ...values, description: values.description ?? '' };
            if (editing === 'new') {
              const made = await api.post('/webhooks', { body });
              setSecret(made.secret);
              setLogOf(made.webhook.id);
            } else await api.put('/webhooks/{webhookId}', { params: { path: { webhookId: editing.id } }, body });
            await refresh();
          }}
        >
          <Form.Item name="url" label={t('webhooks.url')} validateFirst rules={[{ required: true, pattern: /^https?:\/\/\S+$/ }, { max: 500 }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="description" label={t('webhooks.description')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="eventTypes" label={t('webhooks.eventTypes')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={(types.data ?? []).map((type) => ({ value: type, label: typeName(type) }))} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' }} />
          </Form.Item>
          <Form.Item name="enabled" label={t('webhooks.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
      <Modal open={secret !== null} title={t('webhooks.secretTitle')} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} okText={t('webhooks.done')} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph type="warning">{t('webhooks.secretNotice')}</Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="webhook-secret">{secret}</Typography.Paragraph>
      </Modal>
    </>
  );
}
