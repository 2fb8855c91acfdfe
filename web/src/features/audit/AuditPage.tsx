import { Card, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useCursorList, type CursorRow } from '../../hooks/useCursorList';
import { useLanguage } from '../../hooks/useLanguage';
import { useAuditActions, type AuditAction } from './api';
import { AuditFilters, type AuditFilterParams } from './AuditFilters';

type AuditEntry = CursorRow<'/audit'>;

const hasChanges = (entry: AuditEntry) => entry.before != null || entry.after != null;

/** The page that lists a kind of target, for the link on its name. */
const TARGET_PAGES: Record<string, string> = {
  member: '/contacts',
  department: '/contacts',
  tag: '/contacts',
  account: '/admins',
  admin_group: '/admins',
  app: '/apps',
  device: '/devices',
  token: '/api-tokens',
  approval_template: '/approvals',
  customer: '/customers',
  customer_group: '/customers',
  acquisition_link: '/acquisition',
};

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<AuditFilterParams>({});
  const list = useCursorList('/audit', filters);
  const actions = useAuditActions();

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('columns.at'), dataIndex: 'at', width: 170, render: formatDateTime },
    {
      key: 'actor',
      title: t('columns.actor'),
      width: 160,
      render: (_, { actor }) => (
        <Flex vertical>
          {actor.name}
          <Typography.Text type="secondary" data-testid="actor-role">
            {t(`roles.${actor.role}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'action',
      title: t('columns.action'),
      render: (_: unknown, row: AuditEntry) => (
        <Flex gap={6} align="center" wrap>
          <span data-testid="audit-sentence">
            <Sentence row={row} action={actions.data?.get(row.action)} />
          </span>
          {row.outcome === 'refused' && <Tag color="red">{t('outcomes.refused')}</Tag>}
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
          <AuditFilters params={filters} onChange={setFilters} />
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

/** The action as a sentence in the chosen language, the target's name a link to its page. */
function Sentence({ row, action }: { row: AuditEntry; action: AuditAction | undefined }) {
  const language = useLanguage();
  if (!action) return <code>{row.action}</code>;
  const template = action.sentence[language === 'zh-CN' ? 'zh' : 'en'];
  const page = TARGET_PAGES[row.target.type];
  return template.split(/(\{actor\}|\{target\})/).map((part, i) => {
    if (part === '{actor}') return <Fragment key={i}>{row.actor.name}</Fragment>;
    if (part !== '{target}') return <Fragment key={i}>{part}</Fragment>;
    if (page && row.target.name) return <Link key={i} to={page} data-testid="audit-target">{row.target.name}</Link>;
    return <Fragment key={i}>{row.target.name}</Fragment>;
  });
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
