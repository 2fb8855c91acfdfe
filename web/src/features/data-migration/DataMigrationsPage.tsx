import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { isMoving, MigrationProgress, MigrationSummary, StatusTag } from './MigrationDetails';

/** 数据迁移: the enterprise's applications (as source or target), their timelines and the move's progress, and the way to apply. */
export function DataMigrationsPage() {
  const { t } = useTranslation('dataMigration');
  const migrations = useQuery({
    queryKey: ['/data-migrations'],
    queryFn: () => api.get('/data-migrations'),
    select: (d) => d.items,
    refetchInterval: (query) => ((query.state.data?.items ?? []).some(isMoving) ? 2000 : false),
  });
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Link to="/data-migrations/apply">
            <Button type="primary">{t('apply.action')}</Button>
          </Link>
        }
      >
        {t('hint')}
      </PageHeader>
      <ErrorAlert error={migrations.error} />
      {migrations.isLoading && <Spin />}
      {migrations.data?.length === 0 && <Empty description={t('empty')} />}
      <Flex vertical gap="middle">
        {(migrations.data ?? []).map((m) => (
          <Card key={m.id} title={`${m.sourceName} → ${m.targetName}`} extra={<StatusTag status={m.status} />}>
            <MigrationSummary migration={m} />
            <Card type="inner" size="small" title={t('progress.title')}>
              <MigrationProgress migration={m} viewer="corp" />
            </Card>
          </Card>
        ))}
      </Flex>
    </>
  );
}
