import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, Modal, Popconfirm, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';
import { antiCheatKey, rulesKey, toInput, useAntiCheat, useRules, type AntiCheat, type Rule } from './api';
import { useDeviceLimitOptions } from './DeviceLimitFields';

type RuleMethods = AntiCheat['rules'][number];

/** 成员常用设备管理 of one rule: its members' usual devices, each unbound on its own. Only the rule's creator may. */
function UsualDevicesModal({ rule, onClose }: { rule: RuleMethods; onClose: () => void }) {
  const { t } = useTranslation(['attendance', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const members = useActiveMembers();
  const key = ['/attendance/rules/{ruleId}/usual-devices', rule.id];
  const devices = useQuery({ queryKey: key, queryFn: () => api.get('/attendance/rules/{ruleId}/usual-devices', { params: { path: { ruleId: rule.id } } }), retry: false });
  const unbind = useMutation({
    mutationFn: (d: { memberId: string; deviceId: string }) => api.delete('/attendance/rules/{ruleId}/usual-devices/{memberId}/{deviceId}', { params: { path: { ruleId: rule.id, ...d } } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('antiCheat.unbound'));
    },
    onError: notifyError,
  });
  const name = (id: string) => members.data?.find((m) => m.value === id)?.label ?? id;
  return (
    <Modal open title={t('antiCheat.usualDevices', { name: rule.name })} footer={null} onCancel={onClose} width={640}>
      {devices.isError ? (
        <ErrorAlert error={devices.error} />
      ) : (
        <Table
          rowKey={(d) => `${d.memberId}/${d.deviceId}`}
          loading={devices.isPending}
          dataSource={devices.data?.items}
          pagination={false}
          locale={{ emptyText: t('antiCheat.noDevices') }}
          columns={[
            { title: t('antiCheat.member'), render: (_, d) => name(d.memberId) },
            { title: t('antiCheat.device'), dataIndex: 'deviceId' },
            { title: t('antiCheat.boundAt'), render: (_, d) => formatDateTime(d.boundAt) },
            {
              title: t('common:columns.actions'),
              render: (_, d) => (
                <Popconfirm title={t('antiCheat.unbindConfirm')} onConfirm={() => unbind.mutate({ memberId: d.memberId, deviceId: d.deviceId })}>
                  <Button type="link" danger>
                    {t('antiCheat.unbind')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}

function PlaceMethod({ title, intro, rules }: { title: string; intro: string; rules: RuleMethods[] }) {
  const { t } = useTranslation('attendance');
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid="place-method">
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{intro}</Typography.Text>
        <div>
          <Typography.Text>{t('antiCheat.usedBy')} </Typography.Text>
          {rules.length ? rules.map((r) => <Tag key={r.id}>{r.name}</Tag>) : <Typography.Text type="secondary">{t('antiCheat.noRule')}</Typography.Text>}
        </div>
      </Flex>
    </Card>
  );
}

/**
 * 防作弊管理 as the seed shows it: 防止多台设备打卡 (each rule's 打卡常用设备数量 and over-limit action,
 * and 成员常用设备管理), 防止他人代打卡 (the face-rule counts), 防止地点作弊打卡 (which rules use photo,
 * Wi-Fi and machines).
 */
export function AntiCheatPage() {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const summary = useAntiCheat();
  const rules = useRules();
  const options = useDeviceLimitOptions();
  const [managing, setManaging] = useState<RuleMethods | null>(null);
  const save = useMutation({
    mutationFn: ({ rule, change }: { rule: Rule; change: Partial<Pick<Rule, 'usualDeviceLimit' | 'overLimit'>> }) => api.put('/attendance/rules/{ruleId}', { params: { path: { ruleId: rule.id } }, body: { ...toInput(rule), ...change } }),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: rulesKey }), queryClient.invalidateQueries({ queryKey: antiCheatKey })]);
      void message.success(t('rules.saved'));
    },
    onError: notifyError,
  });

  if (summary.isError) return <LoadFailed error={summary.error} onRetry={() => void summary.refetch()} />;
  const list = summary.data?.rules ?? [];
  const full = (id: string) => rules.data?.find((r) => r.id === id);
  return (
    <>
      <PageHeader title={t('antiCheat.title')}>{t('antiCheat.intro')}</PageHeader>
      <Flex vertical gap="middle">
        <Card title={t('antiCheat.devices')} loading={summary.isPending}>
          <Typography.Paragraph type="secondary">{t('antiCheat.devicesIntro')}</Typography.Paragraph>
          <Table<RuleMethods>
            rowKey="id"
            dataSource={list}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('rules.empty')} /> }}
            columns={[
              { title: t('antiCheat.rule'), dataIndex: 'name' },
              {
                title: t('antiCheat.limit'),
                render: (_, r) => (
                  <Select aria-label={`${r.name} ${t('antiCheat.limit')}`} style={{ width: 140 }} value={r.usualDeviceLimit} options={options.limits} disabled={!full(r.id)} onChange={(usualDeviceLimit: number) => save.mutate({ rule: full(r.id)!, change: { usualDeviceLimit } })} />
                ),
              },
              {
                title: t('antiCheat.overLimit'),
                render: (_, r) => (
                  <Select aria-label={`${r.name} ${t('antiCheat.overLimit')}`} style={{ width: 160 }} value={r.overLimit} options={options.overLimit} disabled={!full(r.id)} onChange={(overLimit: Rule['overLimit']) => save.mutate({ rule: full(r.id)!, change: { overLimit } })} />
                ),
              },
              {
                title: t('antiCheat.manage'),
                render: (_, r) => (
                  <Button type="link" onClick={() => setManaging(r)} title={t('antiCheat.manageHint')}>
                    {t('antiCheat.manage')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('antiCheat.face')} loading={summary.isPending}>
          <Typography.Paragraph type="secondary">{t('antiCheat.faceIntro')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={12}>
              <Statistic title={t('antiCheat.faceRules')} value={summary.data?.faceRules ?? 0} data-testid="face-rules" />
            </Col>
            <Col xs={12}>
              <Statistic title={t('antiCheat.noFaceRules')} value={summary.data?.noFaceRules ?? 0} data-testid="no-face-rules" />
            </Col>
          </Row>
        </Card>
        <Card title={t('antiCheat.place')} loading={summary.isPending}>
          <Typography.Paragraph type="secondary">{t('antiCheat.placeIntro')}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <PlaceMethod title={t('antiCheat.photo')} intro={t('antiCheat.photoIntro')} rules={list.filter((r) => r.photo)} />
            </Col>
            <Col xs={24} md={8}>
              <PlaceMethod title={t('antiCheat.wifi')} intro={t('antiCheat.wifiIntro')} rules={list.filter((r) => r.wifi)} />
            </Col>
            <Col xs={24} md={8}>
              <PlaceMethod title={t('antiCheat.machines')} intro={t('antiCheat.machinesIntro')} rules={list.filter((r) => r.machines)} />
            </Col>
          </Row>
        </Card>
      </Flex>
      {managing && <UsualDevicesModal rule={managing} onClose={() => setManaging(null)} />}
    </>
  );
}
