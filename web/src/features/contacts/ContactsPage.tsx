import { DownloadOutlined, PlusOutlined, TagsOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Flex, Grid, Input, Segmented, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { activationColor, useActivationCounts, useDepartments, useMemberPage, type Activation, type Member, type MemberFilter } from './api';
import { DepartmentTree } from './DepartmentTree';
import { ImportModal } from './ImportModal';
import { MemberDrawer } from './MemberDrawer';
import { TagsModal } from './TagsModal';
import { SurfaceWatermark } from '../security/SurfaceWatermark';

/** 通讯录: the department tree on the left, the members of the chosen department on the right. */
export function ContactsPage() {
  const { t, i18n } = useTranslation('contacts');
  const departments = useDepartments();
  const items = departments.data?.items ?? [];
  const canManage = departments.data?.canManage ?? false;
  const phone = !Grid.useBreakpoint().sm;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const departmentId = chosen ?? items[0]?.id;
  const [includeSub, setIncludeSub] = useState(true);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'current' | Activation>('current');
  const counts = useActivationCounts().data;
  const [drawer, setDrawer] = useState<{ member: Member | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [tagsOpen, setTagsOpen] = useState(false);

  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  // Departed members have left the tree: they are listed for the whole enterprise.
  const filter: MemberFilter | null =
    status === 'departed'
      ? { activation: 'departed', q }
      : departmentId
        ? { departmentId, includeSub: includeSub ? true : undefined, q, activation: status === 'current' ? undefined : status }
        : null;
  // A new filter starts again at its first page.
  const [filterKey, setFilterKey] = useState(JSON.stringify(filter));
  if (filterKey !== JSON.stringify(filter)) {
    setFilterKey(JSON.stringify(filter));
    setPaging((p) => ({ ...p, page: 1 }));
  }
  const members = useMemberPage(filter, paging.page, paging.pageSize);

  const columns: TableColumnsType<Member> = [
    {
      key: 'name',
      title: t('columns.name'),
      render: (_, m) => (
        <Space size={4}>
          <Typography.Link onClick={() => setDrawer({ member: m })}>{m.name}</Typography.Link>
          {m.headOf.length > 0 && <Tag color="gold">{t('head')}</Tag>}
        </Space>
      ),
    },
    { key: 'userid', title: t('columns.userid'), dataIndex: 'userid' },
    { key: 'position', title: t('columns.position'), dataIndex: 'position' },
    { key: 'departments', title: t('columns.departments'), render: (_, m) => m.departments.map((d) => d.name).join('、') },
    { key: 'phone', title: t('columns.phone'), dataIndex: 'phone' },
    {
      key: 'status',
      title: t('columns.status'),
      render: (_, m) => <Tag color={activationColor[m.activation]}>{t(`activation.${m.activation}`)}</Tag>,
    },
  ];

  const exportHref = (kind: 'members' | 'departments', format: 'xlsx' | 'csv') => `/api/v1/contacts/export?kind=${kind}&format=${format}`;
  const exportItems = (['members', 'departments'] as const).flatMap((kind) =>
    (['xlsx', 'csv'] as const).map((format) => ({
      key: `${kind}.${format}`,
      label: (
        <a href={exportHref(kind, format)} download hrefLang={i18n.language}>
          {t(kind === 'members' ? 'exportMembers' : 'exportDepartments')} (.{format})
        </a>
      ),
    })),
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Space wrap>
            <Button icon={<TagsOutlined />} onClick={() => setTagsOpen(true)}>
              {t('tags')}
            </Button>
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('import')}
              </Button>
            )}
            <Dropdown menu={{ items: exportItems }}>
              <Button icon={<DownloadOutlined />}>{t('export')}</Button>
            </Dropdown>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ member: null })}>
                {t('addMember')}
              </Button>
            )}
          </Space>
        }
      >
        {t('intro')}
      </PageHeader>
      {departments.data && !canManage && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={departments.error} />
      <SurfaceWatermark surface="contacts">
        {/* On a phone the departments come above the members, and the filters scroll rather than the page. */}
        <Flex gap="middle" align={phone ? 'stretch' : 'start'} vertical={phone}>
          <Card title={t('departments')} size="small" style={phone ? undefined : { width: 300, flexShrink: 0 }}>
            <DepartmentTree departments={items} selected={departmentId} onSelect={(id) => { setChosen(id); setStatus('current'); }} />
          </Card>
          <Card size="small" style={{ flex: 1, minWidth: 0 }}>
            <Flex vertical gap="middle">
              <Flex gap="middle" align="center" wrap>
                <Input.Search allowClear placeholder={t('search')} style={{ width: 280, maxWidth: '100%' }} onSearch={setQ} aria-label={t('search')} />
                <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
                <Segmented
                  value={status}
                  onChange={(v) => setStatus(v as 'current' | Activation)}
                  aria-label={t('statusFilter.label')}
                  data-testid="activation-filter"
                  options={[
                    { value: 'current', label: t('statusFilter.current') },
                    ...(['not_activated', 'activated', 'disabled', 'departed'] as const).map((a) => ({
                      value: a,
                      label: (
                        <Space size={4}>
                          <span>{t(`activation.${a}`)}</span>
                          {counts && (
                            <Typography.Text type="secondary" data-testid={`count-${a}`}>
                              {counts[a]}
                            </Typography.Text>
                          )}
                        </Space>
                      ),
                    })),
                  ]}
                />
                </div>
                {status !== 'departed' && (
                  <Space>
                    <Switch checked={includeSub} onChange={setIncludeSub} aria-label={t('includeSub')} />
                    <span>{t('includeSub')}</span>
                  </Space>
                )}
              </Flex>
              <ErrorAlert error={members.error} />
              <Table<Member>
                rowKey="id"
                columns={columns}
                size="middle"
                dataSource={members.data?.items ?? []}
                loading={filter !== null && (members.isPending || members.isPlaceholderData)}
                pagination={{
                  current: paging.page,
                  pageSize: paging.pageSize,
                  total: members.data?.total ?? 0,
                  showSizeChanger: true,
                  pageSizeOptions: [20, 50, 100],
                  showTotal: (total) => <span data-testid="members-total">{t('total', { count: total })}</span>,
                  onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
                }}
              />
            </Flex>
          </Card>
        </Flex>
      </SurfaceWatermark>
      <MemberDrawer
        open={drawer !== null}
        member={drawer?.member ?? null}
        departments={items}
        defaultDepartmentId={departmentId}
        canManage={canManage}
        onClose={() => setDrawer(null)}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
      <TagsModal open={tagsOpen} onClose={() => setTagsOpen(false)} departments={items} canManage={canManage} />
    </>
  );
}
