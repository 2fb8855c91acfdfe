import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, Popconfirm, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { fieldOf, useFieldError } from '../../hooks/useFieldError';
import { useNotifyError } from '../../hooks/useNotifyError';
import { MemberSecurityActions } from './MemberSecurityActions';
import { activationColor, buildTree, departmentsKey, membersPath, type Department, type Member } from './api';
import { InvitationPanel } from './InvitationPanel';

interface Values {
  name: string;
  userid: string;
  phone?: string;
  email?: string;
  position?: string;
  departmentIds: string[];
  mainDepartmentId?: string;
}

interface Props {
  /** `null` adds a member; a member edits it. */
  member: Member | null;
  open: boolean;
  departments: Department[];
  defaultDepartmentId: string | undefined;
  canManage: boolean;
  onClose: () => void;
}

/** The member edit drawer: profile, departments with the main one, status, departure and deletion. */
export function MemberDrawer({ member, open, departments, defaultDepartmentId, canManage, onClose }: Props) {
  const { t } = useTranslation('contacts');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The server names the field of a refusal (details.field): the message shows under it, and only there.
  const atField = useFieldError(form);
  const chosen = Form.useWatch('departmentIds', form) ?? [];
  // Departments of the member outside the actor's view still show by name, read-only.
  const outside = useMemo(() => (member?.departments ?? []).filter((d) => !departments.some((x) => x.id === d.id)), [member, departments]);
  const tree = useMemo(
    () => [...buildTree(departments), ...outside.map((d) => ({ key: d.id, value: d.id, title: d.name, disabled: true, children: [] }))],
    [departments, outside],
  );
  const names = useMemo(() => new Map([...departments, ...outside].map((d) => [d.id, d.name])), [departments, outside]);
  const editable = member === null ? canManage : member.editable;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      member
        ? {
            name: member.name,
            userid: member.userid,
            phone: member.phone ?? '',
            email: member.email ?? '',
            position: member.position ?? '',
            departmentIds: member.departments.map((d) => d.id),
            mainDepartmentId: member.mainDepartmentId,
          }
        : { departmentIds: defaultDepartmentId ? [defaultDepartmentId] : [] },
    );
  }, [open, member, defaultDepartmentId, form]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: [membersPath] });
    await queryClient.invalidateQueries({ queryKey: departmentsKey });
  };
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = {
        name: values.name,
        phone: values.phone || null,
        email: values.email || null,
        position: values.position || null,
        departmentIds: values.departmentIds,
        ...(values.mainDepartmentId && values.departmentIds.includes(values.mainDepartmentId) ? { mainDepartmentId: values.mainDepartmentId } : {}),
      };
      if (member) await api.patch('/contacts/members/{id}', { params: { path: { id: member.id } }, body });
      else await api.post('/contacts/members', { body: { ...body, userid: values.userid } });
    },
    onSuccess: async () => {
      await refresh();
      void message.success(t('member.saved'));
      onClose();
    },
    onError: atField,
  });
  const action = useMutation({
    mutationFn: async (kind: 'depart' | 'delete' | 'disable' | 'enable') => {
      const params = { path: { id: member!.id } };
      if (kind === 'depart') await api.post('/contacts/members/{id}/depart', { params });
      else if (kind === 'delete') await api.delete('/contacts/members/{id}', { params });
      else await api.post('/contacts/members/{id}/status', { params, body: { status: kind === 'disable' ? 'disabled' : 'active' } });
      return kind;
    },
    onSuccess: async (kind) => {
      await refresh();
      if (kind === 'depart') void message.success(t('member.departed'));
      if (kind === 'delete') void message.success(t('member.deletedMsg'));
      onClose();
    },
    onError: notifyError,
  });

  const straddles = member !== null && member.editable && !member.removable && member.status !== 'departed';
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      title={member ? t('member.edit') : t('member.create')}
      destroyOnHidden
      extra={
        editable && (
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
            {t('member.save')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        {member && (
          <Space wrap>
            <Tag color={activationColor[member.activation]} data-testid="member-activation">
              {t(`activation.${member.activation}`)}
            </Tag>
            <Typography.Text type="secondary">
              {t('member.joinedAt')} {formatDate(member.joinedAt)}
            </Typography.Text>
          </Space>
        )}
        {member?.activation === 'not_activated' && member.editable && <InvitationPanel member={member} />}
        {member?.activation === 'activated' && member.editable && <MemberSecurityActions memberId={member.id} />}
        {straddles && <Alert type="info" showIcon title={t('member.outOfScopeHint')} />}
        <Form<Values> form={form} layout="vertical" disabled={!editable} onFinish={(values) => save.mutate(values)}>
          <Form.Item name="name" label={t('member.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="userid" label={t('member.userid')} validateFirst rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_.@-]*$/ }, { max: 64 }]}>
            <Input disabled={member !== null} />
          </Form.Item>
          <Form.Item name="phone" label={t('member.phone')} rules={[{ pattern: /^\+?[0-9][0-9-]{4,19}$/ }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('member.email')} rules={[{ type: 'email', max: 128 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="position" label={t('member.position')} rules={[{ max: 128 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentIds" label={t('member.departments')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <TreeSelect multiple treeData={tree} treeDefaultExpandAll />
          </Form.Item>
          <Form.Item name="mainDepartmentId" label={t('member.main')}>
            <Select options={chosen.map((id) => ({ value: id, label: names.get(id) ?? id }))} allowClear />
          </Form.Item>
          <FormError error={fieldOf(save.error) ? null : save.error} />
        </Form>
        {member && member.status !== 'departed' && (
          <Space wrap>
            {member.editable && (
              <Button onClick={() => action.mutate(member.status === 'disabled' ? 'enable' : 'disable')}>
                {member.status === 'disabled' ? t('member.enable') : t('member.disable')}
              </Button>
            )}
            {member.removable && (
              <Popconfirm title={t('member.departConfirm')} onConfirm={() => action.mutateAsync('depart')}>
                <Button danger>{t('member.depart')}</Button>
              </Popconfirm>
            )}
            {member.removable && (
              <Popconfirm title={t('member.deleteConfirm')} onConfirm={() => action.mutateAsync('delete')}>
                <Button danger type="link">
                  {t('member.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Flex>
    </Drawer>
  );
}
