import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useMe } from '../../session';
import { useAppText } from './appName';

type AppItem = Item<Reply<'/apps'>['items']>;

const appsKey = ['/apps'] as const;

export function AppsPage() {
  const { t } = useTranslation('apps');
  const appText = useAppText();
  const me = useMe();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const apps = useQuery({ queryKey: appsKey, queryFn: () => api.get('/apps'), select: (d) => d.items });
  const [creating, setCreating] = useState(false);
  const [sending, setSending] = useState<AppItem | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useMutation({ mutationFn: (id: string) => api.post('/apps/{appId}/secret', { params: { path: { appId: id } } }), onSuccess: (r) => setSecret(r.secret), onError: notifyError });
  const remove = useMutation({ mutationFn: (id: string) => api.delete('/apps/{appId}', { params: { path: { appId: id } } }), onSuccess: () => queryClient.invalidateQueries({ queryKey: appsKey }), onError: notifyError });

  return (
    <>
      <PageHeader title={t('title')} extra={me.roles.superAdmin && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>}>
        {t('intro')}
      </PageHeader>
      <Card>
        <ErrorAlert error={apps.error} />
        <Table<AppItem>
          rowKey="id"
          pagination={false}
          loading={apps.isPending}
          dataSource={apps.data}
          columns={[
            { key: 'name', title: t('columns.name'), render: (_, a) => {
                const text = appText(a);
                return <Flex vertical><Typography.Text strong>{text.name}</Typography.Text><Typography.Text type="secondary">{text.description}</Typography.Text></Flex>;
              },
            },
            { key: 'kind', title: t('columns.kind'), render: (_, a) => <Tag>{t(`kind.${a.kind}`)}</Tag> },
            { key: 'right', title: t('columns.right'), render: (_, a) => a.myRight && <Tag color={a.myRight === 'manage' ? 'blue' : 'default'}>{t(`right.${a.myRight}`)}</Tag> },
            {
              key: 'actions',
              title: t('columns.actions'),
              render: (_, a) => (
                <Flex gap="small">
                  {a.myRight && <Button type="link" size="small" onClick={() => setSending(a)}>{t('send')}</Button>}
                  {a.myRight === 'manage' && <Link to={`/apps/${a.id}/callback`} style={{ padding: '0 7px', lineHeight: '24px' }}>{t('callback')}</Link>}
                  {a.kind === 'custom' && a.myRight === 'manage' && <Button type="link" size="small" onClick={() => rotate.mutate(a.id)}>{t('rotate')}</Button>}
                  {a.kind === 'custom' && me.roles.superAdmin && (
                    <Popconfirm title={t('deleteConfirm')} onConfirm={() => remove.mutate(a.id)}>
                      <Button type="link" danger size="small">{t('delete')}</Button>
                    </Popconfirm>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {creating && (
        <FormModal<Pick<Body<'/apps', 'post'>, 'name' | 'description'>>
          open
          title={t('create')}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            const created = await api.post('/apps', { body: { name: v.name, description: v.description ?? '', visibleRange: { memberIds: [], departmentIds: [], tagIds: [] } } });
            await queryClient.invalidateQueries({ queryKey: appsKey });
            setSecret(created.secret);
          }}
        >
          <Form.Item name="name" label={t('form.name')} validateFirst rules={[{ required: true, whitespace: true }, { max: 40 }]}><Input /></Form.Item>
          <Form.Item name="description" label={t('form.description')} rules={[{ max: 200 }]}><Input.TextArea /></Form.Item>
        </FormModal>
      )}
      {sending && (
        <FormModal<Pick<Body<'/apps/{appId}/messages', 'post'>, 'title' | 'body'>>
          open
          title={`${t('send')} · ${appText(sending).name}`}
          onClose={() => setSending(null)}
          onSubmit={async (v) => {
            // Everyone the sender may reach: the server keeps only members inside the sender's contacts rights.
            const departments = await api.get('/contacts/departments');
            const root = departments.items.find((d) => d.parentId === null);
            const r = await api.post('/apps/{appId}/messages', {
              params: { path: { appId: sending.id } },
              body: {
                recipients: { departmentIds: root ? [root.id] : [] },
                title: v.title,
                body: v.body,
                idempotencyKey: newIdempotencyKey(),
              },
            });
            void message.success(t('sent', r));
          }}
        >
          <Form.Item name="title" label={t('form.title')} validateFirst rules={[{ required: true, whitespace: true }, { max: 100 }]}><Input /></Form.Item>
          <Form.Item name="body" label={t('form.body')} validateFirst rules={[{ required: true, whitespace: true }, { max: 2000 }]}><Input.TextArea rows={4} /></Form.Item>
        </FormModal>
      )}
      <Modal open={secret !== null} title={t('secret.title')} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph type="warning">{t('secret.notice')}</Typography.Paragraph>
        <Typography.Paragraph copyable code>{secret}</Typography.Paragraph>
      </Modal>
    </>
  );
}
