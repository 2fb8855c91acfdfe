import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, Popconfirm, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import type { Friend, Group } from './api';

export function CustomersPage() {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: ['/customers/overview'], queryFn: () => api.get('/customers/overview'), retry: false });
  const groups = useQuery({ queryKey: ['/customer-groups'], queryFn: () => api.get('/customer-groups'), select: (d) => d.items });
  const friends = useQuery({ queryKey: ['/customers/friends'], queryFn: () => api.get('/customers/friends', { params: { query: { limit: 200 } } }), select: (d) => d.items });
  const [adding, setAdding] = useState(false);
  const [creatingGroup, setCreatingGroup] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/customer') });

  const removeFriend = useMutation({
    mutationFn: (id: string) => api.delete('/customers/friends/{customerId}', { params: { path: { customerId: id } } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('customers.deleted'));
    },
    onError: notifyError,
  });
  const dissolve = useMutation({
    mutationFn: (id: string) => api.delete('/customer-groups/{groupId}', { params: { path: { groupId: id } } }),
    onSuccess: refresh,
    onError: notifyError,
  });

  const friendColumns: TableColumnsType<Friend> = [
    { key: 'name', title: t('customers.name'), dataIndex: 'name' },
    { key: 'externalId', title: t('customers.externalId'), dataIndex: 'externalId' },
    { key: 'state', title: t('common:columns.state'), render: (_, f) => <Tag color={f.state === 'mutual' ? 'success' : 'warning'}>{t(`customers.state.${f.state}`)}</Tag> },
    { key: 'addedAt', title: t('customers.addedAt'), dataIndex: 'addedAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, f) => (
        <Popconfirm title={t('customers.deleteConfirm')} onConfirm={() => removeFriend.mutate(f.id)}>
          <Button type="link" danger size="small">
            {t('customers.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  const groupColumns: TableColumnsType<Group> = [
    { key: 'name', title: t('customers.groupName'), dataIndex: 'name' },
    { key: 'customers', title: t('customers.groupCustomers'), dataIndex: 'customers' },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, g) =>
        g.dissolvedAt ? (
          <Tag>{t('customers.dissolved')}</Tag>
        ) : (
          <Popconfirm title={t('customers.dissolveConfirm')} onConfirm={() => dissolve.mutate(g.id)}>
            <Button type="link" danger size="small">
              {t('customers.dissolve')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('customers.title')}>{t('customers.intro')}</PageHeader>
      <Flex vertical gap="middle">
        <Card loading={overview.isPending}>
          <ErrorAlert error={overview.error} />
          {overview.data && (
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={8}>
                <div data-testid="served">
                  <Statistic title={t('customers.served')} value={overview.data.served} suffix={t('customers.servedUnit')} />
                </div>
              </Col>
              <Col xs={24} sm={8}>
                <Statistic title={t('customers.todayNew')} value={overview.data.todayNew} />
              </Col>
              <Col xs={24} sm={8}>
                <div data-testid="limit">
                  <Statistic title={t('customers.limit')} value={overview.data.limit} />
                </div>
              </Col>
            </Row>
          )}
        </Card>
        <Card
          title={t('customers.mine')}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('customers.add')}
            </Button>
          }
        >
          <ErrorAlert error={friends.error} />
          <Table<Friend> rowKey="id" size="small" columns={friendColumns} dataSource={friends.data} loading={friends.isPending} pagination={false} />
        </Card>
        <Card
          title={t('customers.groups')}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setCreatingGroup(true)}>
              {t('customers.newGroup')}
            </Button>
          }
        >
          <Table<Group> rowKey="id" size="small" columns={groupColumns} dataSource={groups.data} loading={groups.isPending} pagination={false} />
        </Card>
      </Flex>
      <FormModal<Body<'/customers/friends', 'post'>>
        open={adding}
        title={t('customers.add')}
        initialValues={{ addedBack: true }}
        onClose={() => setAdding(false)}
        onSubmit={async (values) => {
          await api.post('/customers/friends', { body: values });
          await refresh();
          void message.success(t('customers.added'));
        }}
      >
        <Form.Item name="externalId" label={t('customers.externalId')} rules={[{ required: true, max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('customers.name')} rules={[{ required: true, max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="addedBack" valuePropName="checked">
          <Checkbox>{t('customers.addedBack')}</Checkbox>
        </Form.Item>
      </FormModal>
      <FormModal<Body<'/customer-groups', 'post'>>
        open={creatingGroup}
        title={t('customers.newGroup')}
        onClose={() => setCreatingGroup(false)}
        onSubmit={async (values) => {
          await api.post('/customer-groups', { body: values });
          await refresh();
        }}
      >
        <Form.Item name="name" label={t('customers.groupName')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
