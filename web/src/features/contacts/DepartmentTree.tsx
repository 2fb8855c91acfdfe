import { MoreOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, Form, Input, InputNumber, Modal, Select, Tree, TreeSelect, Typography } from 'antd';
import { useMemo, useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useNotifyError } from '../../hooks/useNotifyError';
import { buildTree, departmentsKey, membersPath, type Department } from './api';

type Dialog = { kind: 'add' | 'rename' | 'move' | 'heads'; department: Department } | null;

interface Props {
  departments: Department[];
  selected: string | undefined;
  onSelect: (id: string) => void;
}

/** 组织架构: the department tree with the actions an admin may take on each department. */
export function DepartmentTree({ departments, selected, onSelect }: Props) {
  const { t } = useTranslation('contacts');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Everything is expanded except what the user folded, so a new sub-department shows at once.
  const [folded, setFolded] = useState<Set<string>>(new Set());
  const tree = useMemo(() => buildTree(departments), [departments]);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: departmentsKey });
    await queryClient.invalidateQueries({ queryKey: [membersPath] });
  };
  const remove = useMutation({
    mutationFn: (id: string) => api.delete('/contacts/departments/{id}', { params: { path: { id } } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('dept.deleted'));
    },
    onError: notifyError,
  });
  const { modal } = App.useApp();
  // Drag and drop: onto a department puts it first inside; between two puts it there.
  const drop = useMutation({
    mutationFn: ({ id, parentId, index }: { id: string; parentId: string; index: number }) => api.post('/contacts/departments/{id}/move', { params: { path: { id } }, body: { parentId, index } }),
    onSuccess: refresh,
    onError: notifyError,
  });
  const onDrop = (info: { node: { key: Key }; dragNode: { key: Key }; dropToGap: boolean; dropPosition: number; }) => {
    const id = String(info.dragNode.key);
    const target = departments.find((x) => x.id === String(info.node.key));
    if (!target) return;
    if (!info.dropToGap) {
      drop.mutate({ id, parentId: target.id, index: 0 });
      return;
    }
    if (!target.parentId) return;
    const siblings = departments
      .filter((x) => x.parentId === target.parentId && x.id !== id)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
    const at = siblings.findIndex((x) => x.id === target.id);
    const pos = (info.node as { pos?: string }).pos?.split('-') ?? [];
    const before = info.dropPosition - Number(pos[pos.length - 1] ?? 0) === -1;
    drop.mutate({ id, parentId: target.parentId, index: before ? at : at + 1 });
  };

  const titleOf = (d: Department) => (
    <Flex align="center" gap={4} data-testid={`dept-${d.name}`}>
      <span>{d.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t('dept.countTitle', { count: d.totalMemberCount })} data-testid={`members-of-${d.name}`}>
        {t('dept.count', { count: d.totalMemberCount })}
      </Typography.Text>
      {d.manageable && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'add', label: t('dept.add') },
              { key: 'rename', label: t('dept.rename') },
              ...(d.parentId ? [{ key: 'move', label: t('dept.move') }] : []),
              { key: 'heads', label: t('dept.heads') },
              ...(d.parentId ? [{ key: 'delete', label: t('dept.delete'), danger: true }] : []),
            ],
            onClick: ({ key, domEvent }) => {
              domEvent.stopPropagation();
              if (key === 'delete') {
                modal.confirm({ title: t('dept.deleteConfirm'), onOk: () => remove.mutateAsync(d.id) });
              } else setDialog({ kind: key as 'add' | 'rename' | 'move' | 'heads', department: d });
            },
          }}
        >
          <Button size="small" type="text" icon={<MoreOutlined />} aria-label={`${d.name} ${t('columns.actions')}`} onClick={(e) => e.stopPropagation()} />
        </Dropdown>
      )}
    </Flex>
  );
  const toData = (nodes: ReturnType<typeof buildTree>): { key: string; title: ReactNode; children: unknown[] }[] =>
    nodes.map((n) => ({ key: n.key, title: titleOf(n.department), children: toData(n.children) }));
  const treeData = toData(tree);

  const close = () => setDialog(null);
  const d = dialog?.department;
  return (
    <>
      <Tree
        blockNode
        draggable={{ icon: false, nodeDraggable: (node) => departments.some((x) => x.id === String(node.key) && x.manageable && x.parentId !== null) }}
        onDrop={onDrop}
        expandedKeys={departments.filter((x) => !folded.has(x.id)).map((x) => x.id)}
        onExpand={(_keys, info) => {
          const next = new Set(folded);
          if (info.expanded) next.delete(String(info.node.key));
          else next.add(String(info.node.key));
          setFolded(next);
        }}
        selectedKeys={selected ? [selected] : []}
        onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
        treeData={treeData as never}
      />
      <FormModal<{ name: string }>
        open={dialog?.kind === 'add'}
        title={t('dept.add')}
        onClose={close}
        onSubmit={async ({ name }) => {
          await api.post('/contacts/departments', { body: { parentId: d!.id, name } });
          await refresh();
        }}
      >
        <Form.Item name="name" label={t('dept.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input autoFocus />
        </Form.Item>
      </FormModal>
      <FormModal<Body<'/contacts/departments/{id}', 'patch'>>
        open={dialog?.kind === 'rename'}
        title={t('dept.rename')}
        initialValues={{ name: d?.name }}
        onClose={close}
        onSubmit={async ({ name }) => {
          await api.patch('/contacts/departments/{id}', { params: { path: { id: d!.id } }, body: { name } });
          await refresh();
        }}
      >
        <Form.Item name="name" label={t('dept.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input autoFocus />
        </Form.Item>
      </FormModal>
      <FormModal<{ parentId: string; index?: number | null }>
        open={dialog?.kind === 'move'}
        title={t('dept.move')}
        initialValues={{ parentId: d?.parentId ?? undefined }}
        onClose={close}
        onSubmit={async ({ parentId, index }) => {
          await api.post('/contacts/departments/{id}/move', { params: { path: { id: d!.id } }, body: { parentId, ...(index === null || index === undefined ? {} : { index }) } });
          await refresh();
        }}
      >
        <Form.Item name="parentId" label={t('dept.parent')} rules={[{ required: true }]}>
          <TreeSelect treeData={tree} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="index" label={t('dept.position')}>
          <InputNumber min={0} />
        </Form.Item>
      </FormModal>
      {dialog?.kind === 'heads' && <HeadsModal department={dialog.department} onClose={close} onSaved={refresh} />}
    </>
  );
}

function HeadsModal({ department, onClose, onSaved }: { department: Department; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('contacts');
  const notifyError = useNotifyError();
  const [value, setValue] = useState(department.heads.map((h) => h.id));
  const [options, setOptions] = useState<{ value: string; label: string }[]>(department.heads.map((h) => ({ value: h.id, label: h.name })));
  const save = useMutation({
    mutationFn: () => api.put('/contacts/departments/{id}/heads', { params: { path: { id: department.id } }, body: { memberIds: value } }),
    onSuccess: async () => {
      await onSaved();
      onClose();
    },
    onError: notifyError,
  });
  const load = async () => {
    const page = await api.get('/contacts/members', { params: { query: { departmentId: department.id, limit: 200 } } });
    setOptions(page.items.map((m) => ({ value: m.id, label: m.name })));
  };
  return (
    <Modal open title={t('dept.heads')} onCancel={onClose} onOk={() => save.mutate()} confirmLoading={save.isPending} afterOpenChange={(open) => open && void load()}>
      <Typography.Paragraph>{department.name}</Typography.Paragraph>
      <Select mode="multiple" style={{ width: '100%' }} value={value} onChange={setValue} options={options} placeholder={t('dept.headsLabel')} />
    </Modal>
  );
}
