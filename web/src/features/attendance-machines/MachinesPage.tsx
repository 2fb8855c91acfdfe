import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { buildTree, useDepartments, useTags } from '../contacts/api';
import { useActiveMembers } from '../customers/api';

type Machine = Item<Reply<'/attendance/machines'>['items']>;
type Range = Machine['range'];
type RangeValues = { memberIds?: string[]; departmentIds?: string[]; tagIds?: string[] };
type NewMachine = Pick<Body<'/attendance/machines', 'post'>, 'name' | 'serial' | 'model' | 'clockIn' | 'door'> & RangeValues;

const machinesKey = ['/attendance/machines'] as const;
const rangeOf = (v: RangeValues): Range => ({ memberIds: v.memberIds ?? [], departmentIds: v.departmentIds ?? [], tagIds: v.tagIds ?? [] });

/** 适用范围: members, departments and tags who punch on the machine. */
function RangeFields() {
  const { t } = useTranslation('attendanceMachines');
  const members = useActiveMembers();
  const departments = useDepartments();
  const tags = useTags();
  return (
    <>
      <Form.Item name="memberIds" label={t('form.members')}>
        <Select mode="multiple" options={members.data ?? []} optionFilterProp="label" loading={members.isLoading} />
      </Form.Item>
      <Form.Item name="departmentIds" label={t('form.departments')}>
        <TreeSelect multiple treeData={buildTree(departments.data?.items ?? [])} treeDefaultExpandAll />
      </Form.Item>
      <Form.Item name="tagIds" label={t('form.tags')}>
        <Select mode="multiple" options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))} optionFilterProp="label" />
      </Form.Item>
    </>
  );
}

/** 考勤机: what each machine serves (打卡, 门禁, both: 配套使用), its range, and its secret (shown once, rotatable). */
export function MachinesPage() {
  const { t } = useTranslation('attendanceMachines');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const machines = useQuery({ queryKey: machinesKey, queryFn: () => api.get('/attendance/machines'), select: (d) => d.items });
  const departments = useDepartments();
  const [adding, setAdding] = useState(false);
  const [ranging, setRanging] = useState<Machine | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: machinesKey });
  const update = useMutation({
    mutationFn: (m: Pick<Machine, 'deviceId' | 'clockIn' | 'door' | 'range'>) => api.put('/attendance/machines/{deviceId}', { params: { path: { deviceId: m.deviceId } }, body: { clockIn: m.clockIn, door: m.door, range: m.range } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('saved'));
    },
    onError: notifyError,
  });
  const rotate = useMutation({
    mutationFn: (deviceId: string) => api.post('/attendance/machines/{deviceId}/secret', { params: { path: { deviceId } } }),
    onSuccess: (r) => setSecret(r.secret),
    onError: notifyError,
  });
  const root = departments.data?.items.find((d) => d.parentId === null);

  return (
    <>
      <PageHeader title={t('title')} extra={<Button type="primary" onClick={() => setAdding(true)}>{t('add')}</Button>}>
        {t('intro')}
      </PageHeader>
      <Card>
        <ErrorAlert error={machines.error} />
        <Table<Machine>
          rowKey="deviceId"
          pagination={false}
          loading={machines.isPending}
          dataSource={machines.data}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', title: t('columns.name'), dataIndex: 'name' },
            { key: 'serial', title: t('columns.serial'), dataIndex: 'serial' },
            {
              key: 'clockIn',
              title: t('columns.clockIn'),
              render: (_, m) => <Switch checked={m.clockIn} aria-label={t('clockInSwitch', { name: m.name })} loading={update.isPending} onChange={(on) => update.mutate({ ...m, clockIn: on })} />,
            },
            {
              key: 'door',
              title: t('columns.door'),
              render: (_, m) => <Switch checked={m.door} aria-label={t('doorSwitch', { name: m.name })} loading={update.isPending} onChange={(on) => update.mutate({ ...m, door: on })} />,
            },
            { key: 'pairing', title: t('columns.pairing'), render: (_, m) => <Tag color={m.clockIn && m.door ? 'blue' : undefined}>{t(m.clockIn && m.door ? 'serves.both' : m.clockIn ? 'serves.clockIn' : 'serves.door')}</Tag> },
            { key: 'range', title: t('columns.range'), render: (_, m) => t('rangeSummary', { members: m.range.memberIds.length, departments: m.range.departmentIds.length, tags: m.range.tagIds.length }) },
            {
              key: 'actions',
              title: t('columns.actions'),
              render: (_, m) => (
                <Flex gap="small">
                  <Button type="link" size="small" onClick={() => setRanging(m)}>{t('editRange')}</Button>
                  <Popconfirm title={t('rotateConfirm')} onConfirm={() => rotate.mutate(m.deviceId)}>
                    <Button type="link" size="small">{t('rotate')}</Button>
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {adding && (
        <FormModal<NewMachine>
          open
          title={t('add')}
          initialValues={{ clockIn: true, door: true, departmentIds: root ? [root.id] : [] }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            const added = await api.post('/attendance/machines', { body: { name: v.name, serial: v.serial, model: v.model, clockIn: v.clockIn, door: v.door, range: rangeOf(v) } });
            await refresh();
            setSecret(added.secret);
          }}
        >
          <Form.Item name="name" label={t('form.name')} validateFirst rules={[{ required: true, whitespace: true }, { max: 40 }]}><Input /></Form.Item>
          <Form.Item name="serial" label={t('form.serial')} validateFirst rules={[{ required: true, whitespace: true }, { max: 64 }]}><Input /></Form.Item>
          <Form.Item name="model" label={t('form.model')} validateFirst rules={[{ required: true, whitespace: true }, { max: 40 }]}><Input /></Form.Item>
          <Form.Item name="clockIn" label={t('form.clockIn')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="door" label={t('form.door')} valuePropName="checked"><Switch /></Form.Item>
          <RangeFields />
        </FormModal>
      )}
      {ranging && (
        <FormModal<RangeValues>
          open
          title={`${t('editRange')} · ${ranging.name}`}
          initialValues={ranging.range}
          onClose={() => setRanging(null)}
          onSubmit={(v) => update.mutateAsync({ ...ranging, range: rangeOf(v) })}
        >
          <RangeFields />
        </FormModal>
      )}
      <Modal open={secret !== null} title={t('secret.title')} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph type="warning">{t('secret.notice')}</Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="machine-secret">{secret}</Typography.Paragraph>
      </Modal>
    </>
  );
}
