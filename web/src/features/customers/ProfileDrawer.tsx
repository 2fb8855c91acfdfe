import { MoreOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Dropdown, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import type { Parent } from './api';

const RELATIONS = ['father', 'mother', 'guardian', 'other'] as const;

/**
 * 个人信息页: a customer (a student in the education edition) opened from the list, with 删除 under
 * the "…" at the top right, as the seed describes; a student's parents (家长) are listed and linked here.
 */
export function ProfileDrawer({ customerId, onClose }: { customerId: string | null; onClose: () => void }) {
  const { t } = useTranslation(['customers', 'common']);
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const profile = useQuery({
    queryKey: ['/customers/friends/{customerId}', customerId],
    queryFn: () => api.get('/customers/friends/{customerId}', { params: { path: { customerId: customerId! } } }),
    enabled: customerId !== null,
  });
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/customer') });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete('/customers/friends/{customerId}', { params: { path: { customerId: id } } }),
    onSuccess: async () => {
      onClose();
      await refresh();
      void message.success(t('customers.deleted'));
    },
    onError: notifyError,
  });
  const unlink = useMutation({
    mutationFn: (parentId: string) => api.delete('/customers/friends/{customerId}/parents/{parentId}', { params: { path: { customerId: customerId!, parentId } } }),
    onSuccess: refresh,
    onError: notifyError,
  });
  const data = profile.data;
  const term = data?.term ?? 'customer';
  const parentColumns: TableColumnsType<Parent> = [
    { key: 'name', title: t('customers.parentName'), dataIndex: 'name' },
    { key: 'relation', title: t('customers.relation'), render: (_, p) => t(`customers.relations.${p.relation}`) },
    { key: 'phone', title: t('customers.phone'), dataIndex: 'phone' },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => unlink.mutate(p.id)}>
          {t('customers.removeParent')}
        </Button>
      ),
    },
  ];
  return (
    <Drawer
      open={customerId !== null}
      onClose={onClose}
      title={t(`customers.terms.${term}.profile`)}
      extra={
        data && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [{ key: 'delete', danger: true, label: t('customers.delete') }],
              onClick: () => void modal.confirm({ title: t(`customers.terms.${term}.deleteConfirm`), okButtonProps: { danger: true }, onOk: () => remove.mutateAsync(data.id) }),
            }}
          >
            <Button icon={<MoreOutlined />} aria-label={t('common:columns.actions')} />
          </Dropdown>
        )
      }
    >
      <ErrorAlert error={profile.error} />
      {data && (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t(`customers.terms.${term}.name`)}>{data.name}</Descriptions.Item>
            <Descriptions.Item label={t('customers.externalId')}>{data.externalId}</Descriptions.Item>
            <Descriptions.Item label={t('common:columns.state')}>
              <Tag color={data.state === 'mutual' ? 'success' : 'warning'}>{data.state === 'mutual' ? t('customers.state.mutual') : t(`customers.terms.${term}.oneWay`)}</Tag>
              {data.oneWayReason && t(`customers.reason.${data.oneWayReason}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.addedAt')}>{formatDateTime(data.addedAt)}</Descriptions.Item>
          </Descriptions>
          {term === 'student' && (
            <>
              <Table<Parent>
                rowKey="id"
                size="small"
                title={() => (
                  <Button size="small" onClick={() => setAdding(true)}>
                    {t('customers.addParent')}
                  </Button>
                )}
                columns={parentColumns}
                dataSource={data.parents}
                pagination={false}
                locale={{ emptyText: t('customers.noParents') }}
              />
              <FormModal<Body<'/customers/friends/{customerId}/parents', 'post'>>
                open={adding}
                title={t('customers.addParent')}
                initialValues={{ relation: 'mother' }}
                onClose={() => setAdding(false)}
                onSubmit={async (values) => {
                  await api.post('/customers/friends/{customerId}/parents', { params: { path: { customerId: data.id } }, body: { ...values, phone: values.phone || undefined } });
                  await refresh();
                  void message.success(t('customers.parentAdded'));
                }}
              >
                <Form.Item name="name" label={t('customers.parentName')} rules={[{ required: true, max: 64 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="relation" label={t('customers.relation')} rules={[{ required: true }]}>
                  <Select options={RELATIONS.map((r) => ({ value: r, label: t(`customers.relations.${r}`) }))} />
                </Form.Item>
                <Form.Item name="phone" label={t('customers.phone')} rules={[{ pattern: /^\+?[0-9-]{3,20}$/ }]}>
                  <Input />
                </Form.Item>
              </FormModal>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
