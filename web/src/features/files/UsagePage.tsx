import { Flex, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatSize } from '../../format';
import { useCursorList, type CursorRow } from '../../hooks/useCursorList';

type Usage = CursorRow<'/security/file-usage'>;

/** For admins: each member's ordinary files against the quota, the largest first, page by page. */
export function UsagePage() {
  const { t } = useTranslation('files');
  const list = useCursorList('/security/file-usage');
  // Every page carries the quota; the first one is enough.
  const quotaBytes = (list.data?.pages[0] as Reply<'/security/file-usage'> | undefined)?.quotaBytes;
  const columns: TableColumnsType<Usage> = [
    { key: 'member', title: t('usage.member'), dataIndex: 'name' },
    {
      key: 'used',
      title: t('usage.used'),
      render: (_, u) => (
        <Flex vertical>
          <Typography.Text>{quotaBytes ? t('quota', { used: formatSize(u.usedBytes), quota: formatSize(quotaBytes) }) : formatSize(u.usedBytes)}</Typography.Text>
          {quotaBytes && <Progress percent={Math.min(100, Math.round((u.usedBytes / quotaBytes) * 1000) / 10)} showInfo={false} size="small" />}
        </Flex>
      ),
    },
    { key: 'files', title: t('usage.files'), dataIndex: 'files', width: 100 },
  ];
  return (
    <>
      <PageHeader title={t('usage.title')}>{t('usage.intro')}</PageHeader>
      <Flex vertical gap="middle">
        {quotaBytes !== undefined && <Typography.Text data-testid="usage-quota">{t('usage.quota', { quota: formatSize(quotaBytes) })}</Typography.Text>}
        <ErrorAlert error={list.error} />
        {/* A row is a member, not a record with an id of its own: CursorTable keys rows by id. */}
        <Table<Usage> rowKey="memberId" size="small" columns={columns} dataSource={list.items} loading={list.isPending} pagination={false} />
        <LoadMore list={list} />
      </Flex>
    </>
  );
}
