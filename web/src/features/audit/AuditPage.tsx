import { Card, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useCursorList, type CursorRow } from '../../hooks/useCursorList';
import { AuditFilters, type AuditFilterParams } from './AuditFilters';

type AuditEntry = CursorRow<'/audit'>;

const hasChanges = (entry: AuditEntry) => entry.before != null || entry.after != null;

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<AuditFilterParams>({});
  const list = useCursorList('/audit', filters);

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('columns.at'), dataIndex: 'at', width: 170, render: formatDateTime },
    {
      key: 'actor',
      title: t('columns.actor'),
      render: (_, { actor }) => (
        <Flex vertical>
          {actor.name}
          <Typography.Text type="secondary">{t(`actorKinds.${actor.kind}`, { defaultValue: actor.kind })}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'action',
      title: t('columns.action'),
      render: (_: unknown, row: AuditEntry) => (
        <Flex gap={6} align="center">
          <code>{row.action}</code>
          {row.outcome === 'refused' && <Tag color="red">{t('outcomes.refused')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'target',
      title: t('columns.target'),
      render: (_, { target }) => (
        <Flex vertical>
          {target.type}
          <Typography.Text type="secondary" copyable>
            {target.id}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'ip', title: t('columns.ip'), dataIndex: 'ip', width: 160 },
  ];

  return (
    <>
      <PageHeader title={t('title')} />
      <Card>
        <Flex vertical gap="middle">
          <AuditFilters onChange={setFilters} />
          <CursorTable<AuditEntry>
            list={list}
            columns={columns}
            expandable={{ rowExpandable: hasChanges, expandedRowRender: (entry) => <Changes entry={entry} /> }}
          />
        </Flex>
      </Card>
    </>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const sides = [
    { key: 'before', label: t('before'), value: entry.before },
    { key: 'after', label: t('after'), value: entry.after },
  ];
  return (
    <Flex gap="large" wrap>
      {sides.map(({ key, label, value }) => (
        <Flex key={key} vertical flex={1} style={{ minWidth: 240 }}>
          <Typography.Text type="secondary">{label}</Typography.Text>
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(value ?? null, null, 2)}</pre>
        </Flex>
      ))}
    </Flex>
  );
}
