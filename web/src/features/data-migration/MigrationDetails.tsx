import { useInfiniteQuery } from '@tanstack/react-query';
import { Descriptions, Flex, Progress, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { formatDateTime } from '../../format';

export type Migration = Item<Reply<'/data-migrations'>['items']>;
type FailurePage = Reply<'/data-migrations/{id}/failures'>;
type Failure = Item<FailurePage['items']>;
type Reason = NonNullable<Migration['reason']>;
/** Whose console asks: the enterprise's (source or target) or the operator's. */
export type Viewer = 'corp' | 'operator';

const STATUS_COLORS: Record<Migration['status'], string> = {
  submitted: 'blue',
  approved: 'cyan',
  paper_received: 'geekblue',
  migrating: 'processing',
  done: 'success',
  rejected: 'error',
  halted: 'warning',
};

/** Failures per page of the 未迁移成功 list. */
const FAILURES_PAGE = 100;

export function StatusTag({ status }: { status: Migration['status'] }) {
  const { t } = useTranslation('dataMigration');
  return <Tag color={STATUS_COLORS[status]}>{t(`statuses.${status}`)}</Tag>;
}

/** 未迁移成功, page by page from the server, each with its reason; refreshed with the migration's progress. */
function FailureList({ migration, viewer }: { migration: Migration; viewer: Viewer }) {
  const { t } = useTranslation('dataMigration');
  const p = migration.progress!;
  const list = useInfiniteQuery({
    // The counts in the key: a retry or give-up refetches the pages loaded so far.
    queryKey: ['/data-migrations/failures', viewer, migration.id, p.failed, p.givenUp],
    queryFn: ({ pageParam }): Promise<FailurePage> => {
      const query = { cursor: pageParam, limit: FAILURES_PAGE };
      return viewer === 'operator'
        ? api.get('/operator/corps/{corpId}/data-migrations/{id}/failures', { params: { path: { corpId: migration.sourceCorpId, id: migration.id }, query } })
        : api.get('/data-migrations/{id}/failures', { params: { path: { id: migration.id }, query } });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<Failure> = [
    { key: 'name', title: t('progress.customer'), dataIndex: 'name' },
    {
      key: 'reason',
      title: t('progress.why'),
      render: (_, f) => t(`progress.reasons.${f.reason}`, { members: (f.detail.members ?? []).join('、'), limit: f.detail.limit ?? 0 }),
    },
    { key: 'givenUp', title: t('progress.state'), width: 100, render: (_, f) => (f.givenUp ? <Tag>{t('progress.givenUp')}</Tag> : null) },
  ];
  return (
    <Flex vertical gap="small" data-testid="migration-failures">
      <Typography.Title level={5}>{t('progress.failedTitle')}</Typography.Title>
      <ErrorAlert error={list.error} />
      <Table<Failure> rowKey="customerId" size="small" pagination={false} columns={columns} dataSource={items} loading={list.isPending} />
      <Typography.Text type="secondary">{t('progress.shown', { shown: items.length, failed: p.failed + p.givenUp })}</Typography.Text>
      <LoadMore list={{ ...list, items }} />
    </Flex>
  );
}

/** 迁移进度: moved / total as a bar, the counts, and the 未迁移成功 list with each reason. */
export function MigrationProgress({ migration, viewer }: { migration: Migration; viewer: Viewer }) {
  const { t } = useTranslation('dataMigration');
  const progress = migration.progress;
  if (!progress) return <Typography.Text type="secondary">{t('progress.notStarted')}</Typography.Text>;
  const percent = progress.total === 0 ? (progress.phase === 'listing' ? 0 : 100) : Math.floor((progress.moved * 100) / progress.total);
  return (
    <Flex vertical gap="small" data-testid="migration-progress">
      {progress.phase === 'listing' ? (
        <Typography.Text>{t('progress.listing')}</Typography.Text>
      ) : (
        <Typography.Text strong>{t('progress.moved', { moved: progress.moved, total: progress.total })}</Typography.Text>
      )}
      <Progress percent={percent} status={progress.phase === 'halted' ? 'exception' : progress.phase === 'done' ? (progress.failed > 0 ? 'normal' : 'success') : 'active'} format={() => `${progress.moved}/${progress.total}`} />
      <Typography.Text type="secondary">{t('progress.counts', progress)}</Typography.Text>
      {progress.failed + progress.givenUp > 0 && <FailureList migration={migration} viewer={viewer} />}
    </Flex>
  );
}

/** Why it was rejected or halted, in the reader's language; what an operator typed, as typed. */
function useReasonText(): (reason: Reason) => string {
  const { t } = useTranslation('dataMigration');
  return (reason) => (reason.code === 'operator' ? (reason.params.text ?? '') : t(`reasons.${reason.code}`, { corp: reason.params.corp ?? '' }));
}

/** Who migrates to whom, under which relationship, and the timeline of its steps. */
export function MigrationSummary({ migration }: { migration: Migration }) {
  const { t } = useTranslation('dataMigration');
  const reasonText = useReasonText();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('source')}>{migration.sourceName}</Descriptions.Item>
        <Descriptions.Item label={t('target')}>{migration.targetName}</Descriptions.Item>
        <Descriptions.Item label={t('relation')}>{t(`relations.${migration.relation}`)}</Descriptions.Item>
        <Descriptions.Item label={t('submittedBy')}>{migration.submittedBy}</Descriptions.Item>
        <Descriptions.Item label={t('submittedAt')}>{formatDateTime(migration.submittedAt)}</Descriptions.Item>
        {migration.reason && (
          <Descriptions.Item label={t('reason')}>
            <span data-testid="migration-reason">{reasonText(migration.reason)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Timeline
        items={migration.steps.map((s) => ({
          key: `${s.status}${s.at}`,
          children: (
            <>
              {t(`statuses.${s.status}`)} · {s.actor ?? t('system')} · {formatDateTime(s.at)}
              {s.reason ? ` · ${reasonText(s.reason)}` : ''}
            </>
          ),
        }))}
      />
    </Space>
  );
}

/** While customers are being listed or moved, the view is polled. */
export const isMoving = (m: Migration) => m.status === 'migrating' && (m.progress?.phase === 'listing' || m.progress?.phase === 'moving');
