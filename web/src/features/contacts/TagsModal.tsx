import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, List, Modal, Popconfirm, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotifyError } from '../../hooks/useNotifyError';
import { buildTree, tagsKey, useTags, type Department } from './api';

/** 标签: create and delete tags, and edit which members and departments hold one. */
export function TagsModal({ open, onClose, departments, canManage }: { open: boolean; onClose: () => void; departments: Department[]; canManage: boolean }) {
  const { t } = useTranslation('contacts');
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tags = useTags();
  const [name, setName] = useState('');
  const [current, setCurrent] = useState<string | null>(null);
  const [addMembers, setAddMembers] = useState<string[]>([]);
  const [addDepartments, setAddDepartments] = useState<string[]>([]);
  const [memberOptions, setMemberOptions] = useState<{ value: string; label: string }[]>([]);
  const tree = useMemo(() => buildTree(departments), [departments]);
  const holders = useQuery({
    queryKey: ['/contacts/tags', current, 'holders'],
    queryFn: () => api.get('/contacts/tags/{id}/holders', { params: { path: { id: current! } } }),
    enabled: current !== null,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: tagsKey });
  };
  const create = useMutation({
    mutationFn: () => api.post('/contacts/tags', { body: { name: name.trim() } }),
    onSuccess: async ({ id }) => {
      setName('');
      setCurrent(id);
      await refresh();
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete('/contacts/tags/{id}', { params: { path: { id } } }),
    onSuccess: async () => {
      setCurrent(null);
      await refresh();
    },
    onError: notifyError,
  });
  const change = useMutation({
    mutationFn: (body: Body<'/contacts/tags/{id}/holders', 'post'>) => api.post('/contacts/tags/{id}/holders', { params: { path: { id: current! } }, body }),
    onSuccess: async () => {
      setAddMembers([]);
      setAddDepartments([]);
      await holders.refetch();
      await refresh();
      void message.success(t('dept.saved'));
    },
    onError: notifyError,
  });
  const searchMembers = async (q: string) => {
    const page = await api.get('/contacts/members', { params: { query: { q, limit: 20 } } });
    setMemberOptions(page.items.map((m) => ({ value: m.id, label: `${m.name} (${m.userid})` })));
  };

  return (
    <Modal open={open} title={t('tagsModal.title')} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Flex gap="large" align="start">
        <Flex vertical gap="small" style={{ width: 240 }}>
          {canManage && (
            <Space.Compact>
              <Input placeholder={t('tagsModal.name')} value={name} maxLength={32} onChange={(e) => setName(e.target.value)} onPressEnter={() => name.trim() && create.mutate()} />
              <Button type="primary" disabled={!name.trim()} onClick={() => create.mutate()}>
                {t('tagsModal.create')}
              </Button>
            </Space.Compact>
          )}
          <ErrorAlert error={tags.error} />
          <List
            size="small"
            bordered
            locale={{ emptyText: t('tagsModal.empty') }}
            dataSource={tags.data ?? []}
            renderItem={(tag) => (
              <List.Item onClick={() => setCurrent(tag.id)} style={{ cursor: 'pointer', background: tag.id === current ? 'rgba(22,119,255,0.08)' : undefined }}>
                <span>{tag.name}</span>
                <Typography.Text type="secondary">{tag.memberCount + tag.departmentCount}</Typography.Text>
              </List.Item>
            )}
          />
        </Flex>
        <Flex vertical gap="small" style={{ flex: 1 }}>
          {current === null || !holders.data ? (
            <Empty />
          ) : (
            <>
              <Flex justify="space-between" align="center">
                <Typography.Text strong>{t('tagsModal.holders')}</Typography.Text>
                <Typography.Text type="secondary">{t('tagsModal.reach', { count: holders.data.reach })}</Typography.Text>
              </Flex>
              <Flex wrap gap={4}>
                {holders.data.departments.map((d) => (
                  <Tag key={d.id} color="blue" closable={canManage} onClose={() => change.mutate({ remove: { departmentIds: [d.id] } })}>
                    {d.name}
                  </Tag>
                ))}
                {holders.data.members.map((m) => (
                  <Tag key={m.id} closable={canManage} onClose={() => change.mutate({ remove: { memberIds: [m.id] } })}>
                    {m.name}
                  </Tag>
                ))}
              </Flex>
              {canManage && (
                <>
                  <Select
                    mode="multiple"
                    showSearch={{ filterOption: false, onSearch: (q) => void searchMembers(q) }}
                    placeholder={t('tagsModal.addMembers')}
                    value={addMembers}
                    onChange={setAddMembers}
                    options={memberOptions}
                    onFocus={() => void searchMembers('')}
                  />
                  <TreeSelect multiple treeData={tree} placeholder={t('tagsModal.addDepartments')} value={addDepartments} onChange={setAddDepartments} treeDefaultExpandAll />
                  <Space>
                    <Button type="primary" disabled={addMembers.length + addDepartments.length === 0} onClick={() => change.mutate({ add: { memberIds: addMembers, departmentIds: addDepartments } })}>
                      {t('tagsModal.add')}
                    </Button>
                    <Popconfirm title={t('tagsModal.deleteConfirm')} onConfirm={() => remove.mutateAsync(current)}>
                      <Button danger>{t('tagsModal.delete')}</Button>
                    </Popconfirm>
                  </Space>
                </>
              )}
            </>
          )}
        </Flex>
      </Flex>
    </Modal>
  );
}
