import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useMe } from '../../session';
import { adminsQueryKey, useAdminOverview, useGrantable, type AdminOverview, type Grantable, type Rights } from './api';
import { MemberSelect } from './MemberSelect';
import { RightsFields, fromRightsValues, grantsNothing, toRightsValues, type RightsValues } from './RightsFields';

type Editing =
  | { kind: 'transfer' }
  | { kind: 'super' }
  | { kind: 'external' }
  | { kind: 'group'; group: AdminOverview['groups'][number] | null }
  | { kind: 'admin'; admin: AdminOverview['admins'][number] | null };

export function AdminsPage() {
  const { t } = useTranslation(['admins', 'common']);
  const me = useMe();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const overview = useAdminOverview();
  const grantable = useGrantable();
  const [editing, setEditing] = useState<Editing | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminsQueryKey });
  const remove = useMutation({
    mutationFn: (removal: () => Promise<unknown>) => removal(),
    onSuccess: async () => {
      await refresh();
      void message.success(t('super.removed'));
    },
    onError: notifyError,
  });

  const data = overview.data;
  const all = grantable.data?.all ?? false;
  const groupName = new Map((data?.groups ?? []).map((g) => [g.id, g.name]));
  const adminName = new Map((data?.admins ?? []).map((a) => [a.memberId, a.name]));
  const summary = (r: Rights) =>
    t('rights.summary', { depts: t('rights.departments', { count: r.departmentIds.length }), apps: t('rights.appCount', { count: r.apps.length }) });

  return (
    <>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      <Flex vertical gap="middle">
        <ErrorAlert error={overview.error} />
        <Card title={t('creator.title')} extra={me.roles.creator && <Button onClick={() => setEditing({ kind: 'transfer' })}>{t('creator.transfer')}</Button>}>
          <Typography.Paragraph type="secondary">{t('creator.intro')}</Typography.Paragraph>
          <Typography.Text strong data-testid="creator-name">
            {data?.creator.name}
          </Typography.Text>
        </Card>

        <Card
          title={t('super.title')}
          extra={
            all && (
              <Flex gap="small">
                <Button onClick={() => setEditing({ kind: 'super' })}>{t('super.add')}</Button>
                {me.roles.creator && <Button onClick={() => setEditing({ kind: 'external' })}>{t('super.addExternal')}</Button>}
              </Flex>
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('super.intro')}</Typography.Paragraph>
          <Table
            rowKey="accountId"
            pagination={false}
            size="small"
            data-testid="super-admins"
            loading={overview.isPending}
            dataSource={data ? [{ accountId: data.creator.accountId, name: data.creator.name, loginName: '', kind: 'creator' as const, memberId: data.creator.memberId }, ...data.superAdmins] : []}
            columns={[
              { key: 'name', title: t('member'), dataIndex: 'name' },
              {
                key: 'kind',
                title: t('common:columns.kind'),
                render: (_, row) => <Tag color={row.kind === 'creator' ? 'gold' : row.kind === 'external' ? 'purple' : 'blue'}>{row.kind === 'creator' ? t('super.creatorTag') : t(`super.${row.kind}`)}</Tag>,
              },
              {
                key: 'actions',
                title: t('common:columns.actions'),
                render: (_, row) =>
                  row.kind !== 'creator' &&
                  all && (
                    <Popconfirm title={t('super.removeConfirm')} onConfirm={() => remove.mutate(() => api.delete('/admins/super/{accountId}', { params: { path: { accountId: row.accountId } } }))}>
                      <Button type="link" danger size="small">
                        {t('super.remove')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>

        <Card title={t('groups.title')} extra={all && <Button onClick={() => setEditing({ kind: 'group', group: null })}>{t('groups.create')}</Button>}>
          <Typography.Paragraph type="secondary">{t('groups.intro')}</Typography.Paragraph>
          <Table
            rowKey="id"
            pagination={false}
            size="small"
            data-testid="admin-groups"
            loading={overview.isPending}
            dataSource={data?.groups ?? []}
            columns={[
              { key: 'name', title: t('groups.name'), dataIndex: 'name' },
              { key: 'rights', title: t('rights.title'), render: (_, g) => summary(g.rights) },
              { key: 'members', title: t('groups.members'), render: (_, g) => g.memberIds.map((id) => adminName.get(id) ?? id).join('、') },
              {
                key: 'actions',
                title: t('common:columns.actions'),
                render: (_, g) =>
                  all && (
                    <Flex gap="small">
                      <Button type="link" size="small" onClick={() => setEditing({ kind: 'group', group: g })}>
                        {t('groups.edit')}
                      </Button>
                      <Popconfirm title={t('groups.deleteConfirm')} onConfirm={() => remove.mutate(() => api.delete('/admin-groups/{groupId}', { params: { path: { groupId: g.id } } }))}>
                        <Button type="link" danger size="small">
                          {t('groups.delete')}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
              },
            ]}
          />
        </Card>

        <Card title={t('admins.title')} extra={grantable.data?.canGrant && <Button onClick={() => setEditing({ kind: 'admin', admin: null })}>{t('admins.add')}</Button>}>
          <Typography.Paragraph type="secondary">{t('admins.intro')}</Typography.Paragraph>
          {grantable.data && !grantable.data.canGrant && <Alert type="info" showIcon message={t('admins.cannotGrant')} style={{ marginBottom: 12 }} />}
          <Table
            rowKey="memberId"
            pagination={false}
            size="small"
            data-testid="hierarchical-admins"
            loading={overview.isPending}
            dataSource={data?.admins ?? []}
            columns={[
              { key: 'name', title: t('member'), dataIndex: 'name' },
              { key: 'group', title: t('admins.group'), render: (_, a) => (a.groupId ? groupName.get(a.groupId) : t('admins.noGroup')) },
              { key: 'own', title: t('admins.own'), render: (_, a) => summary(a.rights) },
              { key: 'effective', title: t('admins.effective'), render: (_, a) => summary(a.effective) },
              {
                key: 'actions',
                title: t('common:columns.actions'),
                render: (_, a) => (
                  <Flex gap="small">
                    {grantable.data?.canGrant && a.memberId !== me.member?.id && (
                      <Button type="link" size="small" onClick={() => setEditing({ kind: 'admin', admin: a })}>
                        {t('admins.edit')}
                      </Button>
                    )}
                    {all && (
                      <Popconfirm title={t('admins.removeConfirm')} onConfirm={() => remove.mutate(() => api.delete('/admins/hierarchical/{memberId}', { params: { path: { memberId: a.memberId } } }))}>
                        <Button type="link" danger size="small">
                          {t('admins.remove')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
      {editing && grantable.data && <EditModal editing={editing} grantable={grantable.data} groups={data?.groups ?? []} admins={data ? [data.creator.memberId, ...data.superAdmins.map((a) => a.memberId), ...data.admins.map((a) => a.memberId)] : []} onClose={() => setEditing(null)} onSaved={refresh} />}
    </>
  );
}

interface EditModalProps {
  editing: Editing;
  grantable: Grantable;
  groups: AdminOverview['groups'];
  /** Members who already are the creator, a super admin or a hierarchical admin: not offered to add. */
  admins: (string | null)[];
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

function EditModal({ editing, grantable, groups, admins, onClose, onSaved }: EditModalProps) {
  const { t } = useTranslation(['admins', 'common']);
  const { modal } = App.useApp();
  const save = async (fn: () => Promise<unknown>) => {
    await fn();
    await onSaved();
  };
  switch (editing.kind) {
    case 'transfer':
      return (
        <FormModal<{ memberId: string }> open title={t('creator.transferTitle')} onClose={onClose} onSubmit={(v) => save(() => api.post('/admins/creator/transfer', { body: v }))}>
          <Typography.Paragraph type="secondary">{t('creator.transferHint')}</Typography.Paragraph>
          <Form.Item name="memberId" label={t('member')} rules={[{ required: true }]}>
            <MemberSelect />
          </Form.Item>
        </FormModal>
      );
    case 'super':
      return (
        <FormModal<{ memberId: string }> open title={t('super.add')} onClose={onClose} onSubmit={(v) => save(() => api.post('/admins/super', { body: v }))}>
          <Form.Item name="memberId" label={t('member')} rules={[{ required: true }]}>
            <MemberSelect exclude={admins} />
          </Form.Item>
        </FormModal>
      );
    case 'external':
      return (
        <FormModal<{ loginName: string }> open title={t('super.addExternal')} onClose={onClose} onSubmit={(v) => save(() => api.post('/admins/external', { body: v }))}>
          <Typography.Paragraph type="secondary">{t('super.externalHint')}</Typography.Paragraph>
          <Form.Item name="loginName" label={t('super.loginName')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        </FormModal>
      );
    case 'group': {
      const group = editing.group;
      return (
        <FormModal<RightsValues & { name: string }>
          open
          title={group ? group.name : t('groups.create')}
          initialValues={{ name: group?.name ?? '', ...toRightsValues(group?.rights, grantable) }}
          onClose={onClose}
          onSubmit={({ name, ...rights }) =>
            save(() => (group ? api.patch('/admin-groups/{groupId}', { params: { path: { groupId: group.id } }, body: { name, rights: fromRightsValues(rights, grantable) } }) : api.post('/admin-groups', { body: { name, rights: fromRightsValues(rights, grantable) } })))
          }
        >
          <Form.Item name="name" label={t('groups.name')} validateFirst rules={[{ required: true, whitespace: true }, { max: 40 }]}>
            <Input />
          </Form.Item>
          <RightsFields grantable={grantable} />
        </FormModal>
      );
    }
    case 'admin': {
      const admin = editing.admin;
      return (
        <FormModal<RightsValues & { memberId: string; groupId: string | null }>
          open
          title={admin ? admin.name : t('admins.add')}
          initialValues={{ memberId: admin?.memberId, groupId: admin?.groupId ?? null, ...toRightsValues(admin?.rights, grantable) }}
          onClose={onClose}
          // An admin with no rights of their own and no group sees nothing: saved only after a warning.
          confirm={({ memberId: _, groupId, ...values }) =>
            groupId || !grantsNothing(fromRightsValues(values, grantable, admin?.rights)) ? true : modal.confirm({ title: t('admins.noRightsTitle'), content: t('admins.noRights'), okText: t('admins.saveAnyway') }).then((ok) => ok, () => false)
          }
          onSubmit={({ memberId, groupId, ...values }) => {
            const rights = fromRightsValues(values, grantable, admin?.rights);
            const seat = grantable.all ? { groupId } : {};
            return save(() => (admin ? api.patch('/admins/hierarchical/{memberId}', { params: { path: { memberId: admin.memberId } }, body: { ...seat, rights } }) : api.post('/admins/hierarchical', { body: { memberId, ...seat, rights } })));
          }}
        >
          {!admin && (
            <Form.Item name="memberId" label={t('member')} rules={[{ required: true }]}>
              <MemberSelect exclude={admins} />
            </Form.Item>
          )}
          {grantable.all && (
            <Form.Item name="groupId" label={t('admins.group')}>
              <Select data-testid="group-select" options={[{ value: null, label: t('admins.noGroup') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
            </Form.Item>
          )}
          <RightsFields grantable={grantable} />
        </FormModal>
      );
    }
  }
}
