import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { isNavVisible, nav } from '../../nav';
import { useMe } from '../../session';
import { useCategoryText } from '../category/categoryText';
import { yuan } from '../wallet/api';

function Tile({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Col xs={24} md={12} xl={8}>
      <Card title={title} data-testid={testId} style={{ height: '100%' }}>
        <Flex vertical gap="small">
          {children}
        </Flex>
      </Card>
    </Col>
  );
}

/** Shortcuts to the common tasks, each shown only when its page is open to this account. */
const SHORTCUTS = [
  { key: 'addMember', path: '/contacts' },
  { key: 'approvals', path: '/approvals' },
  { key: 'topUp', path: '/wallet' },
  { key: 'orders', path: '/wallet/orders' },
  { key: 'category', path: '/category' },
  { key: 'corp', path: '/corp' },
] as const;

/** 首页: the enterprise at a glance, with shortcuts to the common tasks. */
export function OverviewPage() {
  const { t } = useTranslation(['overview', 'customers']);
  const categoryText = useCategoryText();
  const me = useMe();
  const data = useQuery({ queryKey: ['/overview'], queryFn: () => api.get('/overview') });
  if (data.isError) return <LoadFailed error={data.error} onRetry={() => void data.refetch()} />;
  const o = data.data;
  const open = new Set(nav.filter((item) => isNavVisible(item, me)).map((item) => item.path));
  return (
    <>
      <PageHeader title={t('title')} />
      {o && (
        <Row gutter={[16, 16]}>
          <Tile title={t('members')} testId="overview-members">
            <Statistic value={o.members.activated + o.members.notActivated} />
            <Typography.Text>{t('activated', { count: o.members.activated })}</Typography.Text>
            <Typography.Text type={o.members.notActivated > 0 ? 'warning' : 'secondary'}>{t('notActivated', { count: o.members.notActivated })}</Typography.Text>
          </Tile>
          <Tile title={t('departments')} testId="overview-departments">
            <Statistic value={o.departments} />
            <Typography.Text type="secondary">{t('departmentsCount', { count: o.departments })}</Typography.Text>
          </Tile>
          {o.wallet && (
            <Tile title={t('balance')} testId="overview-balance">
              <Statistic value={yuan(o.wallet.balanceFen)} />
              {o.wallet.alert.below ? (
                <Tag color="error">{t('alertBelow', { amount: yuan(o.wallet.alert.thresholdFen) })}</Tag>
              ) : (
                <Typography.Text type="secondary">{o.wallet.alert.enabled ? t('alertOn', { amount: yuan(o.wallet.alert.thresholdFen) }) : t('alertOff')}</Typography.Text>
              )}
            </Tile>
          )}
          <Tile title={t('approvals')} testId="overview-approvals">
            <Typography.Text>{t('running', { count: o.approvals.running })}</Typography.Text>
            <Typography.Text strong={o.approvals.todoForMe > 0}>{t('todoForMe', { count: o.approvals.todoForMe })}</Typography.Text>
          </Tile>
          {o.customers && (
            <Tile title={t('customers')} testId="overview-customers">
              <Typography.Text>{t('served', { served: o.customers.served.toLocaleString('en-US'), limit: o.customers.limit.toLocaleString('en-US') })}</Typography.Text>
            </Tile>
          )}
          <Tile title={t('category')} testId="overview-category">
            {o.category.entry === null ? (
              <Typography.Text type="danger">{t('categoryUnset')}</Typography.Text>
            ) : (
              <Flex gap="small" wrap>
                <Typography.Text>{categoryText(o.category.entry).label}</Typography.Text>
                <Tag color={o.category.status === 'approved' ? 'success' : o.category.status === 'rejected' ? 'error' : 'processing'}>{t(`customers:category.status.${o.category.status === 'unset' ? 'review' : o.category.status}`)}</Tag>
              </Flex>
            )}
            <Typography.Text type="secondary">
              {t('certification')}: {o.certification.certified && o.certification.until ? t('certified', { date: formatDate(o.certification.until) }) : t('uncertified')}
            </Typography.Text>
          </Tile>
          <Col span={24}>
            <Card title={t('shortcuts')}>
              <Flex gap="small" wrap>
                {SHORTCUTS.filter((s) => open.has(s.path)).map((s) => (
                  <Link key={s.key} to={s.path}>
                    <Button>{t(`go.${s.key}`)}</Button>
                  </Link>
                ))}
              </Flex>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
