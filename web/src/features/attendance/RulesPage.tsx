import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { Translated } from '../../components/Translated';
import { useNotifyError } from '../../hooks/useNotifyError';
import { antiCheatKey, rulesKey, useRules, type Rule } from './api';
import { attendancePages } from './nav';
import { RuleDrawer } from './RuleDrawer';

/** 打卡规则: the rules with whom they cover and how they check, and links to 打卡's other pages. */
export function RulesPage() {
  const { t } = useTranslation(['attendance', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const rules = useRules();
  const [editing, setEditing] = useState<{ rule: Rule | undefined } | null>(null);
  const remove = useMutation({
    mutationFn: (ruleId: string) => api.delete('/attendance/rules/{ruleId}', { params: { path: { ruleId } } }),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: rulesKey }), queryClient.invalidateQueries({ queryKey: antiCheatKey })]);
      void message.success(t('rules.deleted'));
    },
    onError: notifyError,
  });

  if (rules.isError) return <LoadFailed error={rules.error} onRetry={() => void rules.refetch()} />;
  const methods = (r: Rule) =>
    [r.photo && t('rules.photo'), r.face && t('rules.face'), r.wifi.length > 0 && t('rules.wifiCount', { count: r.wifi.length }), r.machines && t('rules.machines'), r.usualDeviceLimit > 0 && t('limit.n', { count: r.usualDeviceLimit })].filter(Boolean);
  return (
    <>
      <PageHeader
        title={t('rules.title')}
        extra={
          <Button type="primary" onClick={() => setEditing({ rule: undefined })}>
            {t('rules.add')}
          </Button>
        }
      >
        {t('rules.intro')}
      </PageHeader>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        {attendancePages.map((item) => (
          <Link key={item.key} to={item.path}>
            <Space size={4}>
              {item.icon}
              <Translated i18nKey={item.labelKey} />
            </Space>
          </Link>
        ))}
      </Space>
      <Card>
        <Table<Rule>
          rowKey="id"
          loading={rules.isPending}
          dataSource={rules.data}
          pagination={false}
          locale={{ emptyText: t('rules.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('rules.name'), dataIndex: 'name' },
            { title: t('rules.workDays'), render: (_, r) => r.workDays.map((d) => t(`weekdays.${String(d) as '1'}`)).join(' ') || t('rules.none') },
            { title: t('rules.shift'), render: (_, r) => `${r.shift.start}–${r.shift.end}` },
            { title: t('rules.places'), render: (_, r) => r.places.map((p) => p.name).join(', ') || t('rules.none') },
            { title: t('rules.methods'), render: (_, r) => (methods(r).length ? methods(r).map((m) => <Tag key={String(m)}>{m}</Tag>) : <Typography.Text type="secondary">{t('rules.none')}</Typography.Text>) },
            {
              title: t('common:columns.actions'),
              render: (_, r) => (
                <Space>
                  <Button type="link" onClick={() => setEditing({ rule: r })}>
                    {t('rules.edit')}
                  </Button>
                  <Popconfirm title={t('rules.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutate(r.id)}>
                    <Button type="link" danger>
                      {t('rules.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && <RuleDrawer key={editing.rule?.id ?? 'new'} open rule={editing.rule} onClose={() => setEditing(null)} />}
    </>
  );
}
