import { Button, Flex, List, Modal, Select, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePeople, useSaveSpaceMembers, useSpaceMembers, type Space as DocSpace, type SpaceMember } from './api';

const ROLES = ['view', 'edit', 'manage'] as const;

/**
 * A team space's members and their roles (仅浏览, 可编辑, 管理): its managers add, remove and change
 * them and save the whole list; anyone else in the space sees it read-only.
 */
export function SpaceMembersDialog({ space, onClose }: { space: DocSpace; onClose: () => void }) {
  const { t } = useTranslation('docs');
  const current = useSpaceMembers(space.id);
  const people = usePeople();
  const save = useSaveSpaceMembers(space.id);
  const [members, setMembers] = useState<SpaceMember[]>([]);
  const [picked, setPicked] = useState<string>();
  const [role, setRole] = useState<SpaceMember['role']>('edit');
  useEffect(() => {
    if (current.data) setMembers(current.data.items.map(({ memberId, role }) => ({ memberId, role })));
  }, [current.data]);
  const manager = space.role === 'manage';
  const names = new Map([...(people.data?.members ?? []).map((m) => [m.id, m.name] as const), ...(current.data?.items ?? []).map((m) => [m.memberId, m.name] as const)]);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`access.${r}`) }));
  const add = () => {
    if (!picked) return;
    setMembers([...members, { memberId: picked, role }]);
    setPicked(undefined);
  };
  const submit = async () => {
    await save.mutateAsync(members);
    void message.success(t('members.saved'));
    onClose();
  };

  return (
    <Modal open title={t('members.title', { space: space.name })} onCancel={onClose} onOk={() => void submit()} okText={t('members.save')} okButtonProps={{ disabled: !manager }} confirmLoading={save.isPending}>
      <Flex vertical gap="middle">
        {manager ? (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              aria-label={t('members.pick')}
              placeholder={t('members.pick')}
              showSearch
              optionFilterProp="label"
              style={{ flex: 1 }}
              value={picked}
              onChange={setPicked}
              options={(people.data?.members ?? []).filter((p) => !members.some((m) => m.memberId === p.id)).map((p) => ({ value: p.id, label: p.name }))}
            />
            <Select aria-label={t('members.role')} value={role} onChange={setRole} options={roleOptions} style={{ width: 120 }} />
            <Button onClick={add} disabled={!picked}>
              {t('members.add')}
            </Button>
          </Space.Compact>
        ) : (
          <Typography.Text type="secondary">{t('members.managersOnly')}</Typography.Text>
        )}
        <List
          size="small"
          loading={current.isPending}
          dataSource={members}
          renderItem={(m) => (
            <List.Item
              data-testid="space-member"
              actions={
                manager
                  ? [
                      <Select
                        key="role"
                        aria-label={`${t('members.role')} · ${names.get(m.memberId) ?? m.memberId}`}
                        size="small"
                        value={m.role}
                        onChange={(next) => setMembers(members.map((x) => (x === m ? { ...x, role: next } : x)))}
                        options={roleOptions}
                        style={{ width: 100 }}
                      />,
                      <Button key="remove" type="link" onClick={() => setMembers(members.filter((x) => x !== m))}>
                        {t('members.remove')}
                      </Button>,
                    ]
                  : [t(`access.${m.role}`)]
              }
            >
              {names.get(m.memberId) ?? m.memberId}
            </List.Item>
          )}
        />
        <ErrorAlert error={save.error ?? current.error ?? people.error} />
      </Flex>
    </Modal>
  );
}
