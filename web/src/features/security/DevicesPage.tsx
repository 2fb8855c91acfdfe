import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { FormModal } from '../../components/FormModal';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';
import { emptyScope, ScopePicker, type Scope } from './ScopePicker';

type Device = Item<Reply<'/security/devices'>['items']>;
type Status = Device['status'];
type Decision = 'approve' | 'refuse' | 'revoke';
type NewDevice = { memberId: string; deviceKey: string; name: string; kind: Device['kind'] };

const policyKey = ['/security/device-policy'] as const;
const STATUS_COLOR: Record<Status, string> = { pending: 'gold', approved: 'green', refused: 'default', revoked: 'red' };
/** What an admin may decide on a device in each status. */
const DECISIONS: Record<Status, Decision[]> = { pending: ['approve', 'refuse'], approved: ['revoke'], refused: ['approve'], revoked: ['approve'] };

/** 设备管理: the login restriction, the members' enterprise and personal devices, their sign-ins. */
export function DevicesPage() {
  const { t } = useTranslation('security');
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: policyKey, queryFn: () => api.get('/security/device-policy') });
  const [status, setStatus] = useState<Status | undefined>();
  const devices = useQuery({ queryKey: ['/security/devices', status], queryFn: () => api.get('/security/devices', { params: { query: { status, limit: 200 } } }) });
  const [enabled, setEnabled] = useState(false);
  const [newDevice, setNewDevice] = useState<'approval' | 'refuse'>('approval');
  const [scope, setScope] = useState<Scope>(emptyScope);
  const [whitelist, setWhitelist] = useState<Scope>(emptyScope);
  const [registering, setRegistering] = useState(false);
  const [signInsOf, setSignInsOf] = useState<Device | undefined>();
  useEffect(() => {
    const p = policy.data?.policy;
    if (!p) return;
    setEnabled(p.enabled);
    setNewDevice(p.newDevice);
    setScope(p.scope);
    setWhitelist(p.whitelist);
  }, [policy.data]);
  const active = policy.data?.active ?? false;

  const save = useMutation({
    mutationFn: () => api.put('/security/device-policy', { body: { enabled, newDevice, scope, whitelist } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: policyKey });
      void message.success(t('saved'));
    },
    onError: notifyError,
  });
  const refreshDevices = () => queryClient.invalidateQueries({ queryKey: ['/security/devices'] });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: Decision }) => api.post('/security/devices/{id}/{decision}', { params: { path: { id, decision } } }),
    onSuccess: async (result, { decision }) => {
      await refreshDevices();
      void message.success(decision === 'revoke' ? t('devices.revoked', { count: result.sessionsEnded }) : t('saved'));
    },
    onError: notifyError,
  });
  const onDecide = (device: Device, decision: Decision) => {
    if (decision !== 'revoke') return decide.mutate({ id: device.id, decision });
    modal.confirm({
      title: t('devices.revokeTitle', { name: device.name, member: device.memberName }),
      content: t('devices.revokeContent'),
      okText: t('devices.decisions.revoke'),
      okButtonProps: { danger: true },
      onOk: () => decide.mutateAsync({ id: device.id, decision }),
    });
  };

  if (policy.isError) return <LoadFailed error={policy.error} onRetry={() => void policy.refetch()} />;
  const columns: TableColumnsType<Device> = [
    { key: 'member', title: t('devices.member'), dataIndex: 'memberName' },
    { key: 'name', title: t('devices.name'), dataIndex: 'name' },
    { key: 'kind', title: t('devices.kind'), dataIndex: 'kind', render: (kind: Device['kind']) => t(`devices.kinds.${kind}`) },
    { key: 'status', title: t('devices.status'), dataIndex: 'status', render: (s: Status) => <Tag color={STATUS_COLOR[s]}>{t(`devices.statuses.${s}`)}</Tag> },
    { key: 'last', title: t('devices.lastSignIn'), dataIndex: 'lastSignInAt', render: (at: string | null) => (at ? formatDateTime(at) : '—') },
    {
      key: 'actions',
      title: t('devices.actions'),
      render: (_, device) => (
        <Space size={0} wrap>
          {DECISIONS[device.status].map((decision) => (
            <Button key={decision} type="link" size="small" danger={decision === 'revoke'} disabled={!active} onClick={() => onDecide(device, decision)} aria-label={`${t(`devices.decisions.${decision}`)} ${device.name}`}>
              {t(`devices.decisions.${decision}`)}
            </Button>
          ))}
          <Button type="link" size="small" onClick={() => setSignInsOf(device)} aria-label={`${t('devices.signIns')} ${device.name}`}>
            {t('devices.signIns')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('devices.title')}>{t('devices.intro')}</PageHeader>
      {policy.data && !active && <Alert type="warning" showIcon title={t('inactive')} style={{ marginBottom: 16 }} />}
      <Flex vertical gap="middle">
        <Card loading={policy.isPending} title={t('devices.restriction')}>
          <Form layout="vertical" onFinish={() => save.mutate()}>
            <Form.Item label={t('enabled')}>
              <Switch checked={enabled} onChange={setEnabled} aria-label={t('enabled')} />
            </Form.Item>
            <Form.Item label={t('devices.newDevice')}>
              <Radio.Group value={newDevice} onChange={(e) => setNewDevice(e.target.value as 'approval' | 'refuse')} options={[{ value: 'approval', label: t('devices.newDevices.approval') }, { value: 'refuse', label: t('devices.newDevices.refuse') }]} />
            </Form.Item>
            <Form.Item label={t('client.scope')} extra={t('devices.adminsExempt')}>
              <ScopePicker value={scope} onChange={setScope} label={t('client.scope')} />
            </Form.Item>
            <Form.Item label={t('client.whitelist')}>
              <ScopePicker value={whitelist} onChange={setWhitelist} label={t('client.whitelist')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!active}>
              {t('save')}
            </Button>
          </Form>
        </Card>
        <Card
          title={t('devices.list')}
          extra={
            <Space wrap>
              <Select<Status | undefined>
                allowClear
                placeholder={t('devices.allStatuses')}
                aria-label={t('devices.status')}
                style={{ width: 140 }}
                value={status}
                onChange={setStatus}
                options={(['pending', 'approved', 'refused', 'revoked'] as const).map((s) => ({ value: s, label: t(`devices.statuses.${s}`) }))}
              />
              <Button onClick={() => setRegistering(true)} disabled={!active}>
                {t('devices.register')}
              </Button>
            </Space>
          }
        >
          <Table<Device> rowKey="id" size="small" columns={columns} dataSource={devices.data?.items} loading={devices.isPending} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
      </Flex>
      <RegisterDeviceModal open={registering} onClose={() => setRegistering(false)} onRegistered={refreshDevices} />
      <SignInsModal device={signInsOf} onClose={() => setSignInsOf(undefined)} />
    </>
  );
}

/** 登记企业设备: an admin names a member's device by the id its client shows. */
function RegisterDeviceModal({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: () => Promise<void> }) {
  const { t } = useTranslation('security');
  const members = useActiveMembers();
  return (
    <FormModal<NewDevice>
      open={open}
      title={t('devices.register')}
      initialValues={{ kind: 'enterprise' }}
      onClose={onClose}
      onSubmit={async (body) => {
        await api.post('/security/devices', { body });
        await onRegistered();
      }}
    >
      <Form.Item name="memberId" label={t('devices.member')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={members.data} aria-label={t('devices.member')} />
      </Form.Item>
      <Form.Item name="deviceKey" label={t('devices.deviceKey')} extra={t('devices.deviceKeyHint')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{8,64}$/, message: t('devices.deviceKeyHint') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('devices.name')} rules={[{ required: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('devices.kind')}>
        <Radio.Group options={(['enterprise', 'personal'] as const).map((k) => ({ value: k, label: t(`devices.kinds.${k}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

type SignIn = Item<Reply<'/security/devices/{id}/sign-ins'>['items']>;

/** Every sign-in attempt from one device, and whether the session it opened is still open. */
function SignInsModal({ device, onClose }: { device: Device | undefined; onClose: () => void }) {
  const { t } = useTranslation('security');
  const signIns = useQuery({
    queryKey: ['/security/devices/{id}/sign-ins', device?.id],
    queryFn: () => api.get('/security/devices/{id}/sign-ins', { params: { path: { id: device!.id }, query: { limit: 200 } } }),
    enabled: device !== undefined,
  });
  const columns: TableColumnsType<SignIn> = [
    { key: 'time', title: t('client.time'), dataIndex: 'signedInAt', render: formatDateTime },
    { key: 'outcome', title: t('devices.outcome'), render: (_, s) => (s.outcome === 'refused' ? t('devices.outcomes.refused') : s.active ? t('devices.outcomes.active') : t('devices.outcomes.ended')) },
    { key: 'address', title: t('client.address'), dataIndex: 'address' },
  ];
  return (
    <Modal open={device !== undefined} title={device ? t('devices.signInsOf', { name: device.name, member: device.memberName }) : ''} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Table<SignIn> rowKey="id" size="small" columns={columns} dataSource={signIns.data?.items} loading={signIns.isPending} pagination={false} />
    </Modal>
  );
}
