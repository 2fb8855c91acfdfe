import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Switch, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import type { ClientPolicyKind } from './api';
import { emptyScope, ScopePicker, type Scope } from './ScopePicker';

type Violation = Item<Reply<'/security/violations'>['items']>;

/** 截屏/录屏管控 or 分享到外部管理: who is restricted and who is whitelisted, and what clients reported. */
export function ClientPolicyPage({ kind }: { kind: ClientPolicyKind }) {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const params = { path: { kind } } as const;
  const key = ['/security/client-policies', kind];
  const policy = useQuery({ queryKey: key, queryFn: () => api.get('/security/client-policies/{kind}', { params }) });
  const records = useQuery({ queryKey: ['/security/violations', kind], queryFn: () => api.get('/security/violations', { params: { query: { kind, limit: 50 } } }) });
  const [enabled, setEnabled] = useState(false);
  const [scope, setScope] = useState<Scope>(emptyScope);
  const [whitelist, setWhitelist] = useState<Scope>(emptyScope);
  useEffect(() => {
    const p = policy.data?.policy;
    if (!p) return;
    setEnabled(p.enabled);
    setScope(p.scope);
    setWhitelist(p.whitelist);
  }, [policy.data]);

  const save = useMutation({
    mutationFn: () => api.put('/security/client-policies/{kind}', { params, body: { enabled, scope, whitelist } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('saved'));
    },
    onError: notifyError,
  });

  if (policy.isError) return <LoadFailed error={policy.error} onRetry={() => void policy.refetch()} />;
  const columns: TableColumnsType<Violation> = [
    { key: 'time', title: t('client.time'), dataIndex: 'occurredAt', render: formatDateTime },
    { key: 'member', title: t('client.member'), dataIndex: 'memberName' },
    { key: 'detail', title: t('client.detail'), dataIndex: 'detail' },
    { key: 'address', title: t('client.address'), dataIndex: 'address' },
  ];
  return (
    <>
      <PageHeader title={t(`client.${kind}.title`)}>{t(`client.${kind}.intro`)}</PageHeader>
      {policy.data && !policy.data.active && <Alert type="warning" showIcon title={t('inactive')} style={{ marginBottom: 16 }} />}
      <Flex vertical gap="middle">
        <Card loading={policy.isPending}>
          <Form layout="vertical" onFinish={() => save.mutate()}>
            <Form.Item label={t('enabled')}>
              <Switch checked={enabled} onChange={setEnabled} aria-label={t('enabled')} />
            </Form.Item>
            <Form.Item label={t('client.scope')}>
              <ScopePicker value={scope} onChange={setScope} label={t('client.scope')} />
            </Form.Item>
            <Form.Item label={t('client.whitelist')}>
              <ScopePicker value={whitelist} onChange={setWhitelist} label={t('client.whitelist')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!policy.data?.active}>
              {t('save')}
            </Button>
          </Form>
        </Card>
        <Card title={t('client.records')}>
          <Table<Violation> rowKey="id" size="small" columns={columns} dataSource={records.data?.items} loading={records.isPending} pagination={false} />
        </Card>
      </Flex>
    </>
  );
}

/** 截屏/录屏管控 and 分享到外部管理 as pages of their own (each a route chunk). */
export const ScreenCapturePolicyPage = () => <ClientPolicyPage kind="screen_capture" />;
export const ShareExternalPolicyPage = () => <ClientPolicyPage kind="share_external" />;
