import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Empty, Flex, Form, Modal, Radio, Select, Space, Table, Tag, Button, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';

type Pending = Item<Reply<'/security/handovers/pending'>['items']>;
type Handover = Item<Reply<'/security/handovers'>['items']>;
type Assets = Pending['assets'];
const KINDS = ['docsFiles', 'docsSpaces', 'files', 'customers', 'customerGroups', 'approvalTasks'] as const;

const pendingKey = ['/security/handovers/pending'] as const;
const historyKey = ['/security/handovers'] as const;

/** What of a member's data a hand-over moves (or moved), one tag per kind that has any. */
function AssetTags({ assets }: { assets: Assets }) {
  const { t } = useTranslation('handover');
  const kinds = KINDS.filter((k) => assets[k] > 0);
  if (kinds.length === 0) return <>{t('nothing')}</>;
  return (
    <Space size={[4, 4]} wrap>
      {kinds.map((k) => (
        <Tag key={k}>{t(`asset.${k}`, { count: assets[k] })}</Tag>
      ))}
    </Space>
  );
}

/** 数据资产交接: departed members whose data waits, choosing their successor, and the record of hand-overs. */
export function HandoverPage() {
  const { t } = useTranslation(['handover', 'common']);
  const pending = useQuery({ queryKey: pendingKey, queryFn: () => api.get('/security/handovers/pending') });
  const history = useQuery({ queryKey: historyKey, queryFn: () => api.get('/security/handovers', { params: { query: { limit: 200 } } }) });
  const [choosing, setChoosing] = useState<Pending | undefined>();
  const active = pending.data?.active ?? false;

  if (pending.isError) return <LoadFailed error={pending.error} onRetry={() => void pending.refetch()} />;
  const columns: TableColumnsType<Pending> = [
    { key: 'member', title: t('member'), dataIndex: 'name' },
    { key: 'departedAt', title: t('departedAt'), dataIndex: 'departedAt', render: formatDateTime },
    { key: 'assets', title: t('assets'), render: (_, p) => <AssetTags assets={p.assets} /> },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, p) => (
        <Button type="link" size="small" disabled={!active} onClick={() => setChoosing(p)} aria-label={`${t('handOver')} ${p.name}`}>
          {t('handOver')}
        </Button>
      ),
    },
  ];
  const historyColumns: TableColumnsType<Handover> = [
    { key: 'time', title: t('time'), dataIndex: 'createdAt', render: formatDateTime },
    { key: 'from', title: t('from'), dataIndex: 'fromName' },
    { key: 'to', title: t('to'), dataIndex: 'toName' },
    {
      key: 'moved',
      title: t('moved'),
      render: (_, h) => (
        <Flex vertical gap={4}>
          <AssetTags assets={h.moved} />
          {h.left.length > 0 && <Typography.Text type="warning">{t('left', { count: h.left.length })}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'state', title: t('state'), dataIndex: 'state', render: (s: Handover['state']) => <Tag color={s === 'completed' ? 'green' : 'gold'}>{t(`states.${s}`)}</Tag> },
    { key: 'by', title: t('by'), render: (_, h) => (h.automatic ? t('automatic') : h.byName) },
  ];
  return (
    <>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      {pending.data && !active && <Alert type="warning" showIcon title={t('inactive')} style={{ marginBottom: 16 }} />}
      <Flex vertical gap="middle">
        <Card title={t('pending')}>
          <Table<Pending>
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={pending.data?.items}
            loading={pending.isPending}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} /> }}
            data-testid="handover-pending"
          />
        </Card>
        <RuleCard active={active} />
        <Card title={t('history')}>
          <Table<Handover> rowKey="id" size="small" columns={historyColumns} dataSource={history.data?.items} loading={history.isPending} pagination={false} scroll={{ x: 'max-content' }} data-testid="handover-history" />
        </Card>
      </Flex>
      <HandoverModal member={choosing} onClose={() => setChoosing(undefined)} />
    </>
  );
}

/** Choose the successor among the active members, see what moves, confirm. */
function HandoverModal({ member, onClose }: { member: Pending | undefined; onClose: () => void }) {
  const { t } = useTranslation('handover');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const members = useActiveMembers();
  const [successor, setSuccessor] = useState<string | undefined>();
  const successorName = members.data?.find((m) => m.value === successor)?.label ?? '';
  const close = () => {
    setSuccessor(undefined);
    onClose();
  };
  const handOver = useMutation({
    mutationFn: () => api.post('/security/handovers', { body: { fromMemberId: member!.memberId, toMemberId: successor! } }),
    onSuccess: async (result) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: pendingKey }), queryClient.invalidateQueries({ queryKey: historyKey })]);
      void message.success(result.repeated ? t('repeated', { name: result.toName }) : t('done', { name: result.toName }));
      close();
    },
    onError: notifyError,
  });
  return (
    <Modal
      open={member !== undefined}
      title={member ? t('handOverOf', { name: member.name }) : ''}
      onCancel={close}
      okText={t('confirm')}
      okButtonProps={{ disabled: successor === undefined, loading: handOver.isPending }}
      onOk={() => handOver.mutate()}
      destroyOnHidden
    >
      {member && (
        <Form layout="vertical">
          <Form.Item label={t('assets')}>
            <AssetTags assets={member.assets} />
          </Form.Item>
          <Form.Item label={t('successor')} extra={t('successorHint')} required>
            <Select
              showSearch
              optionFilterProp="label"
              options={members.data?.filter((m) => m.value !== member.memberId)}
              loading={members.isPending}
              value={successor}
              onChange={setSuccessor}
              aria-label={t('successor')}
            />
          </Form.Item>
          {successor && <Alert type="info" showIcon title={t('confirmContent', { name: successorName })} />}
        </Form>
      )}
    </Modal>
  );
}

type Rule = Reply<'/security/handover-rule'>['rule'];
const ruleKey = ['/security/handover-rule'] as const;

/** 离职自动交接: who receives a departing member's data without an admin. */
function RuleCard({ active }: { active: boolean }) {
  const { t } = useTranslation('handover');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const members = useActiveMembers();
  const saved = useQuery({ queryKey: ruleKey, queryFn: () => api.get('/security/handover-rule') });
  const [rule, setRule] = useState<Rule>({ mode: 'manual', memberId: null });
  useEffect(() => {
    if (saved.data) setRule(saved.data.rule);
  }, [saved.data]);
  const save = useMutation({
    mutationFn: () => api.put('/security/handover-rule', { body: rule }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ruleKey });
      void message.success(t('rule.saved'));
    },
    onError: notifyError,
  });
  return (
    <Card title={t('rule.title')} loading={saved.isPending}>
      <Typography.Paragraph type="secondary">{t('rule.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => save.mutate()}>
        <Form.Item label={t('rule.mode')}>
          <Radio.Group
            value={rule.mode}
            onChange={(e) => setRule({ mode: e.target.value as Rule['mode'], memberId: rule.memberId })}
            options={(['manual', 'department_head', 'member'] as const).map((mode) => ({ value: mode, label: t(`rule.modes.${mode}`) }))}
          />
        </Form.Item>
        {rule.mode === 'member' && (
          <Form.Item label={t('rule.member')} required>
            <Select
              showSearch
              optionFilterProp="label"
              options={members.data}
              loading={members.isPending}
              value={rule.memberId ?? undefined}
              onChange={(memberId: string) => setRule({ mode: 'member', memberId })}
              aria-label={t('rule.member')}
              style={{ maxWidth: 320 }}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!active}>
          {t('rule.save')}
        </Button>
      </Form>
    </Card>
  );
}
