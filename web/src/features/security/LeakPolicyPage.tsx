import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Select, Switch, Typography, type GetProps, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../api';
import { CursorTable } from '../../components/CursorTable';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useCursorList, type CursorRow } from '../../hooks/useCursorList';
import { useLanguage } from '../../hooks/useLanguage';
import { useNotifyError } from '../../hooks/useNotifyError';
import { MemberSelect } from '../admins/MemberSelect';
import { emptyScope, ScopePicker, type Scope } from './ScopePicker';

type FileRecord = CursorRow<'/security/file-records'>;
type RecordFilters = Pick<Query<'/security/file-records'>, 'memberId' | 'action' | 'from' | 'to'>;
type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];
const ACTIONS = ['upload', 'download', 'view', 'forward', 'delete'] as const;

/** 文件防泄漏: whose files become confidential, what is forbidden on them, and the trace of their use. */
export function LeakPolicyPage() {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const key = ['/security/leak-policy'];
  const policy = useQuery({ queryKey: key, queryFn: () => api.get('/security/leak-policy') });
  const [enabled, setEnabled] = useState(false);
  const [scope, setScope] = useState<Scope>(emptyScope);
  const [whitelist, setWhitelist] = useState<Scope>(emptyScope);
  const [blockDownload, setBlockDownload] = useState(false);
  const [blockExternalShare, setBlockExternalShare] = useState(false);
  useEffect(() => {
    const p = policy.data?.policy;
    if (!p) return;
    setEnabled(p.enabled);
    setScope(p.scope);
    setWhitelist(p.whitelist);
    setBlockDownload(p.blockDownload);
    setBlockExternalShare(p.blockExternalShare);
  }, [policy.data]);

  const save = useMutation({
    mutationFn: () => api.put('/security/leak-policy', { body: { enabled, scope, whitelist, blockDownload, blockExternalShare } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('saved'));
    },
    onError: notifyError,
  });

  if (policy.isError) return <LoadFailed error={policy.error} onRetry={() => void policy.refetch()} />;
  return (
    <>
      <PageHeader title={t('leak.title')}>{t('leak.intro')}</PageHeader>
      {policy.data && !policy.data.active && <Alert type="warning" showIcon title={t('inactive')} style={{ marginBottom: 16 }} />}
      <Flex vertical gap="middle">
        <Card loading={policy.isPending}>
          <Form layout="vertical" onFinish={() => save.mutate()}>
            <Form.Item label={t('enabled')}>
              <Switch
                checked={enabled}
                onChange={(on) => {
                  setEnabled(on);
                  // 禁止分享到外部 exists only on top of leak prevention.
                  if (!on) setBlockExternalShare(false);
                }}
                aria-label={t('enabled')}
              />
            </Form.Item>
            <Form.Item label={t('client.scope')}>
              <ScopePicker value={scope} onChange={setScope} label={t('client.scope')} />
            </Form.Item>
            <Form.Item label={t('client.whitelist')}>
              <ScopePicker value={whitelist} onChange={setWhitelist} label={t('client.whitelist')} />
            </Form.Item>
            <Form.Item label={t('leak.blockDownload')} extra={t('leak.blockDownloadHint')}>
              <Switch checked={blockDownload} onChange={setBlockDownload} aria-label={t('leak.blockDownload')} />
            </Form.Item>
            <Form.Item label={t('leak.blockExternalShare')} extra={t('leak.blockExternalShareHint')}>
              <Switch checked={blockExternalShare} onChange={setBlockExternalShare} disabled={!enabled} aria-label={t('leak.blockExternalShare')} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('leak.notes')}</Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!policy.data?.active}>
              {t('save')}
            </Button>
          </Form>
        </Card>
        <FileRecords />
      </Flex>
    </>
  );
}

/** The records of confidential files' uploads, downloads, views and forwards, searched and exported. */
function FileRecords() {
  const { t } = useTranslation(['security', 'common']);
  const language = useLanguage();
  const [filters, setFilters] = useState<RecordFilters>({});
  const list = useCursorList('/security/file-records', filters);
  const [form] = Form.useForm<{ memberId?: string; action?: (typeof ACTIONS)[number]; range?: RangeValue }>();
  const exportQuery = new URLSearchParams({ lang: language });
  for (const [k, v] of Object.entries(filters)) if (v) exportQuery.set(k, v);

  const columns: TableColumnsType<FileRecord> = [
    { key: 'at', title: t('leak.records.at'), dataIndex: 'at', width: 170, render: formatDateTime },
    { key: 'member', title: t('leak.records.member'), dataIndex: 'memberName' },
    { key: 'action', title: t('leak.records.action'), dataIndex: 'action', render: (action: FileRecord['action']) => t(`leak.actions.${action}`) },
    { key: 'file', title: t('leak.records.file'), dataIndex: 'fileName' },
    { key: 'target', title: t('leak.records.target'), dataIndex: 'targetName', render: (name: string | null) => name ?? '' },
    { key: 'address', title: t('leak.records.address'), dataIndex: 'address' },
  ];
  return (
    <Card title={t('leak.records.title')}>
      <Flex vertical gap="middle">
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={({ memberId, action, range }) => {
            const [from, to] = range ?? [];
            setFilters({ memberId, action, from: from?.startOf('day').toISOString(), to: to?.endOf('day').toISOString() });
          }}
        >
          <Form.Item name="memberId" label={t('leak.records.member')}>
            <MemberSelect allowClear />
          </Form.Item>
          <Form.Item name="action" label={t('leak.records.action')}>
            <Select allowClear style={{ width: 120 }} data-testid="record-action" placeholder={t('leak.records.allActions')} options={ACTIONS.map((value) => ({ value, label: t(`leak.actions.${value}`) }))} />
          </Form.Item>
          <Form.Item name="range" label={t('leak.records.range')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common:actions.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common:actions.reset')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button icon={<DownloadOutlined />} href={`/api/v1/security/file-records/export?${exportQuery.toString()}`} data-testid="records-export">
              {t('leak.records.export')}
            </Button>
          </Form.Item>
        </Form>
        <CursorTable<FileRecord> list={list} size="small" columns={columns} />
      </Flex>
    </Card>
  );
}
