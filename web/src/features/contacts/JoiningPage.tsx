import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Popconfirm, Space, Switch, Table, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useMe } from '../../session';
import { buildTree, membersPath, useDepartments } from './api';
import { LinkHandover } from './InvitationPanel';

type JoinLinkValues = Body<'/contacts/join-link', 'put'>;
type IssuedLink = NonNullable<Reply<'/contacts/join-link', 'put'>['link']>;
type JoinRequest = Item<Reply<'/contacts/join-requests'>['items']>;

const joinLinkKey = ['/contacts/join-link'] as const;
const requestsKey = ['/contacts/join-requests'] as const;

/** 成员加入: the enterprise's join link (a super admin's) and the 待审核 list (admins with rights decide). */
export function JoiningPage() {
  const { t } = useTranslation('contacts');
  const me = useMe();
  return (
    <>
      <PageHeader title={t('joining.title')}>{t('joining.intro')}</PageHeader>
      <Flex vertical gap="middle">
        {me.roles.superAdmin && <JoinLinkCard />}
        <JoinRequestsCard />
      </Flex>
    </>
  );
}

function JoinLinkCard() {
  const { t } = useTranslation('contacts');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<JoinLinkValues>();
  const settings = useQuery({ queryKey: joinLinkKey, queryFn: () => api.get('/contacts/join-link') });
  const departments = useDepartments();
  const tree = useMemo(() => buildTree(departments.data?.items ?? []), [departments.data]);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const enabled = Form.useWatch('enabled', form) ?? false;

  useEffect(() => {
    if (!settings.data || !departments.data) return;
    form.setFieldsValue({ enabled: settings.data.enabled, review: settings.data.review, departmentId: settings.data.departmentId ?? departments.data.items[0]?.id });
  }, [settings.data, departments.data, form]);

  const changed = async (result: Reply<'/contacts/join-link', 'put'>) => {
    if (result.link) setIssued(result.link);
    queryClient.setQueryData(joinLinkKey, result.settings);
  };
  const save = useMutation({
    mutationFn: (values: JoinLinkValues) => api.put('/contacts/join-link', { body: values }),
    onSuccess: async (result) => {
      await changed(result);
      void message.success(t('joining.saved'));
    },
  });
  const rotate = useMutation({ mutationFn: () => api.post('/contacts/join-link/rotate'), onSuccess: changed });
  const current = settings.data;

  return (
    <Card title={t('joining.linkTitle')} size="small" data-testid="join-link-card">
      <ErrorAlert error={settings.error} />
      <Form<JoinLinkValues> form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="enabled" label={t('joining.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="review" label={t('joining.review')} valuePropName="checked" extra={t('joining.reviewHint')}>
          <Switch disabled={!enabled} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('joining.department')} rules={[{ required: true }]}>
          <TreeSelect treeData={tree} treeDefaultExpandAll disabled={!enabled} />
        </Form.Item>
        <FormError error={save.error} />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!current}>
            {t('joining.save')}
          </Button>
          {current?.enabled && (
            <Popconfirm title={t('joining.rotateConfirm')} onConfirm={() => rotate.mutateAsync()}>
              <Button loading={rotate.isPending}>{t('joining.rotate')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
      <ErrorAlert error={rotate.error} />
      {current?.enabled && (
        <Flex vertical gap="small" style={{ marginTop: 16 }}>
          {issued ? (
            <>
              <Typography.Text type="secondary">{t('joining.linkOnce')}</Typography.Text>
              <LinkHandover path={issued.path} testId="join-link" />
            </>
          ) : (
            <Typography.Text type="secondary">{t('joining.linkHidden', { at: current.rotatedAt ? formatDateTime(current.rotatedAt) : '' })}</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}

function JoinRequestsCard() {
  const { t } = useTranslation('contacts');
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const requests = useQuery({ queryKey: requestsKey, queryFn: () => api.get('/contacts/join-requests') });
  const decide = useMutation({
    mutationFn: async ({ id, approve }: { id: string; approve: boolean }) => {
      const params = { path: { id } };
      if (approve) await api.post('/contacts/join-requests/{id}/approve', { params });
      else await api.post('/contacts/join-requests/{id}/reject', { params });
      return approve;
    },
    onSuccess: async (approve) => {
      void message.success(approve ? t('joining.approved') : t('joining.rejected'));
      await queryClient.invalidateQueries({ queryKey: requestsKey });
      await queryClient.invalidateQueries({ queryKey: [membersPath] });
    },
    onError: notifyError,
  });
  const columns: TableColumnsType<JoinRequest> = [
    { key: 'name', title: t('joining.columns.name'), dataIndex: 'name' },
    { key: 'loginName', title: t('joining.columns.loginName'), dataIndex: 'loginName' },
    { key: 'department', title: t('joining.columns.department'), render: (_, r) => r.departmentName ?? t('joining.departmentGone') },
    { key: 'requestedAt', title: t('joining.columns.requestedAt'), render: (_, r) => formatDateTime(r.requestedAt) },
    {
      key: 'actions',
      title: t('columns.actions'),
      render: (_, r) =>
        r.decidable && (
          <Space>
            <Button type="link" onClick={() => decide.mutate({ id: r.id, approve: true })}>
              {t('joining.approve')}
            </Button>
            <Popconfirm title={t('joining.rejectConfirm')} onConfirm={() => decide.mutateAsync({ id: r.id, approve: false })}>
              <Button type="link" danger>
                {t('joining.reject')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
  return (
    <Card title={t('joining.requestsTitle')} size="small" data-testid="join-requests">
      <ErrorAlert error={requests.error} />
      <Table<JoinRequest> rowKey="id" columns={columns} dataSource={requests.data?.items ?? []} loading={requests.isPending} pagination={false} size="middle" scroll={{ x: 'max-content' }} />
    </Card>
  );
}
