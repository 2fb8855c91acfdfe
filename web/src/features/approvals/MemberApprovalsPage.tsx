import { Button, Card, Dropdown, Empty, Flex, List, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Query } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { useMe } from '../../session';
import { useTemplates } from './api';

type Box = Query<'/approvals/requests'>['box'];

export const STATUS_COLOR: Record<string, string> = { running: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };

/** Member area: to do, done, submitted and CC'd requests, and a button to start a new one. */
export function MemberApprovalsPage() {
  const { t } = useTranslation(['approvals', 'common']);
  const [box, setBox] = useState<Box>('todo');
  const list = useCursorList('/approvals/requests', { box });
  const templates = useTemplates();
  const navigate = useNavigate();
  const me = useMe();
  // 协助管理: the templates this member helps manage (an admin of the app manages them all in the console).
  const assisted = (templates.data?.items ?? []).filter((x) => !x.archived && me.member !== null && x.assistantIds.includes(me.member.id));

  return (
    <>
      <PageHeader
        title={t('member.title')}
        extra={
          <Dropdown
            trigger={['click']}
            menu={{ items: (templates.data?.items ?? []).filter((x) => !x.archived).map((x) => ({ key: x.id, label: x.name })), onClick: ({ key }) => void navigate(`/app/approvals/new/${key}`) }}
          >
            <Button type="primary">{t('member.start')}</Button>
          </Dropdown>
        }
      />
      {assisted.length > 0 && (
        <Card size="small" title={t('member.assisted')} style={{ marginBottom: 16 }} data-testid="assisted">
          <Flex gap="middle" wrap>
            {assisted.map((x) => (
              <Link key={x.id} to={`/app/approvals/templates/${x.id}`}>
                {x.name}
              </Link>
            ))}
            <Link to="/app/approvals/data">{t('data.title')}</Link>
          </Flex>
        </Card>
      )}
      <Card>
        <Tabs activeKey={box} onChange={(k) => setBox(k as Box)} items={(['todo', 'done', 'submitted', 'cc'] as const).map((k) => ({ key: k, label: t(`member.boxes.${k}`) }))} />
        <ErrorAlert error={list.error} />
        {list.isSuccess && list.items.length === 0 ? (
          <Empty description={t('member.empty')} />
        ) : (
          <List
            loading={list.isPending}
            dataSource={list.items}
            renderItem={(item) => (
              <List.Item key={item.taskId ?? item.instanceId} data-testid="approval-item" actions={[<Link key="open" to={`/app/approvals/requests/${item.instanceId}`}>{t('member.open')}</Link>]}>
                <Flex vertical>
                  <Typography.Text strong>{item.templateName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('common:labelled', { label: t('member.applicant'), value: item.applicantName })} · {formatDateTime(item.submittedAt)}
                  </Typography.Text>
                </Flex>
                <Tag color={STATUS_COLOR[item.status]}>{t(`status.${item.status as 'running'}`)}</Tag>
              </List.Item>
            )}
          />
        )}
        <LoadMore list={list} />
      </Card>
    </>
  );
}
