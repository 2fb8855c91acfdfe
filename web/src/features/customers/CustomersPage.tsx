import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, Popconfirm, Row, Segmented, Space, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import type { Friend, Group } from './api';
import { ProfileDrawer } from './ProfileDrawer';

export function CustomersPage() {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: ['/customers/overview'], queryFn: () => api.get('/customers/overview'), retry: false });
  const groups = useQuery({ queryKey: ['/customer-groups'], queryFn: () => api.get('/customer-groups'), select: (d) => d.items });
  // 全部 / 单向: the one-way filter of the list (单向学员 in the education edition, as the server names it).
  const [oneWay, setOneWay] = useState(false);
  const friends = useQuery({ queryKey: ['/customers/friends', oneWay], queryFn: () => api.get('/customers/friends', { params: { query: { limit: 200, ...(oneWay ? { oneWay } : {}) } } }) });
  const term = friends.data?.oneWayTerm ?? 'customer';
  const [opened, setOpened] = useState<string | null>(null);
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
    {
      key: 'name',
      title: t(`customers.terms.${term}.name`),
      render: (_, f) => (
        <Button type="link" size="small" onClick={() => setOpened(f.id)}>
          {f.name}
        </Button>
      ),
    },
    { key: 'externalId', title: t('customers.externalId'), dataIndex: 'externalId' },
    { key: 'state', title: t('common:columns.state'), render: (_, f) => <Tag color={f.state === 'mutual' ? 'success' : 'warning'}>{f.state === 'mutual' ? t('customers.state.mutual') : t(`customers.terms.${term}.oneWay`)}</Tag> },
    { key: 'addedAt', title: t('customers.addedAt'), dataIndex: 'addedAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, f) => (
        <Popconfirm title={t(`customers.terms.${term}.deleteConfirm`)} onConfirm={() => removeFriend.mutate(f.id)}>
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
          title={t(`customers.terms.${term}.mine`)}
          extra={
            <Space wrap>
              <Segmented
                value={oneWay ? 'one-way' : 'all'}
                onChange={(value) => setOneWay(value === 'one-way')}
                options={[
                  { value: 'all', label: t(`customers.terms.${term}.all`) },
                  { value: 'one-way', label: t(`customers.terms.${term}.oneWay`) },
                ]}
              />
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t(`customers.terms.${term}.add`)}
              </Button>
            </Space>
          }
        >
          <ErrorAlert error={friends.error} />
          <Table<Friend>
            rowKey="id"
            size="small"
            columns={friendColumns}
            dataSource={friends.data?.items}
            loading={friends.isPending}
            pagination={false}
            locale={{ emptyText: t(`customers.terms.${term}.empty`) }}
          />
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
      <ProfileDrawer customerId={opened} onClose={() => setOpened(null)} />
      <FormModal<Body<'/customers/friends', 'post'>>
        open={adding}
        title={t(`customers.terms.${term}.add`)}
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
        <Form.Item name="name" label={t(`customers.terms.${term}.name`)} rules={[{ required: true, max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="addedBack" valuePropName="checked">
          <Checkbox>{t(`customers.terms.${term}.addedBack`)}</Checkbox>
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
