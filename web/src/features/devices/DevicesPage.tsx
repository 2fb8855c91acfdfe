import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';

type Device = Item<Reply<'/devices'>['items']>;

const devicesKey = ['/devices'] as const;

export function DevicesPage() {
  const { t } = useTranslation('devices');
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const devices = useQuery({ queryKey: devicesKey, queryFn: () => api.get('/devices'), select: (d) => d.items });
  const [editing, setEditing] = useState<Device | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: devicesKey });
  const unbind = useMutation({ mutationFn: (id: string) => api.delete('/devices/{deviceId}', { params: { path: { deviceId: id } } }), onSuccess: refresh, onError: notifyError });

  return (
    <>
      <PageHeader title={t('title')} extra={<Button type="primary" onClick={() => setEditing('new')}>{t('bind')}</Button>}>
        {t('intro')}
      </PageHeader>
      <Card>
        <ErrorAlert error={devices.error} />
        <Table<Device>
          rowKey="id"
          pagination={false}
          loading={devices.isPending}
          dataSource={devices.data}
          columns={[
            { key: 'name', title: t('columns.name'), dataIndex: 'name' },
            { key: 'serial', title: t('columns.serial'), dataIndex: 'serial' },
            { key: 'model', title: t('columns.model'), dataIndex: 'model' },
            { key: 'boundAt', title: t('columns.boundAt'), dataIndex: 'createdAt', render: formatDateTime },
            {
              key: 'actions',
              title: t('columns.actions'),
              render: (_, d) => (
                <Flex gap="small">
                  <Button type="link" size="small" onClick={() => setEditing(d)}>{t('rename')}</Button>
                  <Popconfirm title={t('unbindConfirm')} onConfirm={() => unbind.mutate(d.id)}>
                    <Button type="link" danger size="small">{t('unbind')}</Button>
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <FormModal<Body<'/devices', 'post'>>
          open
          title={editing === 'new' ? t('bind') : editing.name}
          initialValues={editing === 'new' ? {} : { name: editing.name }}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            if (editing === 'new') await api.post('/devices', { body: v });
            else await api.patch('/devices/{deviceId}', { params: { path: { deviceId: editing.id } }, body: { name: v.name } });
            await refresh();
          }}
        >
          <Form.Item name="name" label={t('form.name')} validateFirst rules={[{ required: true, whitespace: true }, { max: 40 }]}><Input /></Form.Item>
          {editing === 'new' && (
            <>
              <Form.Item name="serial" label={t('form.serial')} validateFirst rules={[{ required: true, whitespace: true }, { max: 64 }]}><Input /></Form.Item>
              <Form.Item name="model" label={t('form.model')} validateFirst rules={[{ required: true, whitespace: true }, { max: 40 }]}><Input /></Form.Item>
            </>
          )}
        </FormModal>
      )}
    </>
  );
}
