import { Button, Flex, List, Modal, Select, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePeople, useSaveShares, useShares, type DocFile, type Share } from './api';

type LinkAccess = 'off' | 'view' | 'edit';

/** 共享: 仅浏览 or 可编辑 per member, department or tag, and the link's access. */
export function ShareDialog({ file, onClose }: { file: DocFile; onClose: () => void }) {
  const { t } = useTranslation('docs');
  const current = useShares(file.id);
  const people = usePeople();
  const save = useSaveShares(file.id);
  const [shares, setShares] = useState<Share[]>([]);
  const [link, setLink] = useState<LinkAccess>('off');
  const [target, setTarget] = useState<string>();
  const [access, setAccess] = useState<'view' | 'edit'>('view');
  useEffect(() => {
    if (current.data) {
      setShares(current.data.shares);
      setLink(current.data.linkAccess);
    }
  }, [current.data]);

  const names = new Map<string, string>();
  const options = (['member', 'department', 'tag'] as const).map((kind) => {
    const list = people.data?.[kind === 'member' ? 'members' : kind === 'department' ? 'departments' : 'tags'] ?? [];
    for (const p of list) names.set(`${kind}:${p.id}`, p.name);
    return { label: t(`share.${kind}`), options: list.map((p) => ({ value: `${kind}:${p.id}`, label: p.name })) };
  });
  const add = () => {
    if (!target) return;
    const [kind, id] = target.split(':') as [Share['kind'], string];
    setShares([...shares.filter((s) => !(s.kind === kind && s.id === id)), { kind, id, access }]);
    setTarget(undefined);
  };
  const submit = async () => {
    await save.mutateAsync({ shares, linkAccess: link });
    void message.success(t('share.saved'));
    onClose();
  };

  return (
    <Modal open title={`${t('share.title')} · ${file.title}`} onCancel={onClose} onOk={() => void submit()} okText={t('share.save')} confirmLoading={save.isPending}>
      <Flex vertical gap="middle">
        <Space.Compact style={{ width: '100%' }}>
          <Select aria-label={t('share.target')} placeholder={t('share.target')} showSearch optionFilterProp="label" style={{ flex: 1 }} value={target} onChange={setTarget} options={options} />
          <Select aria-label={t('list.access')} value={access} onChange={setAccess} options={(['view', 'edit'] as const).map((a) => ({ value: a, label: t(`access.${a}`) }))} style={{ width: 120 }} />
          <Button onClick={add} disabled={!target}>
            {t('share.add')}
          </Button>
        </Space.Compact>
        <List
          size="small"
          locale={{ emptyText: t('share.none') }}
          dataSource={shares}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Button key="remove" type="link" onClick={() => setShares(shares.filter((x) => x !== s))}>
                  {t('share.remove')}
                </Button>,
              ]}
            >
              {t(`share.${s.kind}`)} · {names.get(`${s.kind}:${s.id}`) ?? s.id} · {t(`access.${s.access}`)}
            </List.Item>
          )}
        />
        <Flex gap="small" align="center">
          <span>{t('share.link')}</span>
          <Select aria-label={t('share.link')} value={link} onChange={setLink} style={{ width: 140 }} options={[{ value: 'off', label: t('share.linkOff') }, { value: 'view', label: t('access.view') }, { value: 'edit', label: t('access.edit') }]} />
        </Flex>
        <ErrorAlert error={save.error ?? current.error} />
      </Flex>
    </Modal>
  );
}
