import { Button, Card, Empty, Flex, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useMe } from '../../session';
import { ShareDialog } from './ShareDialog';
import { SpaceMembersDialog } from './SpaceMembersDialog';
import { useCreateFile, useCreateSpace, useDocsSettings, useImport, usePeople, useSaveDocsSettings, useSpaceFiles, useSpaces, XLSX_TYPE, type DocFile } from './api';

/** 文档: the files of a space the member is in, new documents and sheets, an .xlsx import, sharing. */
export function DocsPage() {
  const { t } = useTranslation(['docs', 'common']);
  const me = useMe();
  const spaces = useSpaces();
  const [chosen, setChosen] = useState<string>();
  const spaceId = chosen ?? spaces.data?.items[0]?.id;
  const space = spaces.data?.items.find((s) => s.id === spaceId);
  const files = useSpaceFiles(spaceId);
  const create = useCreateFile();
  const importing = useImport();
  const errorMessage = useErrorMessage();
  const [creating, setCreating] = useState<'document' | 'sheet'>();
  const [sharing, setSharing] = useState<DocFile>();
  const [title, setTitle] = useState('');
  const [importError, setImportError] = useState<string>();
  const [newSpace, setNewSpace] = useState(false);
  const [editingMembers, setEditingMembers] = useState(false);

  const submitNew = async () => {
    if (!creating || !spaceId) return;
    await create.mutateAsync({ kind: creating, title, spaceId });
    setCreating(undefined);
    setTitle('');
  };
  const upload = async (file: File) => {
    setImportError(undefined);
    try {
      const done = await importing.mutateAsync({ spaceId: spaceId!, file });
      void message.success(t('list.imported', { cells: done.cells, comments: done.comments }));
    } catch (error) {
      const sheet = error instanceof ApiError ? error.details.sheet : undefined;
      setImportError(typeof sheet === 'string' ? t('common:labelled', { label: errorMessage(error), value: sheet }) : errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => setCreating('document')} disabled={!spaceId}>
              {t('list.newDocument')}
            </Button>
            <Button onClick={() => setCreating('sheet')} disabled={!spaceId}>
              {t('list.newSheet')}
            </Button>
            <Button onClick={() => setNewSpace(true)}>{t('list.newSpace')}</Button>
            <Upload accept={`.xlsx,${XLSX_TYPE}`} showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
              <Button loading={importing.isPending} disabled={!spaceId}>
                {t('list.import')}
              </Button>
            </Upload>
          </Space>
        }
      />
      {me.roles.superAdmin && <DocsSettings />}
      <Card>
        <Flex gap="small" align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('list.space')}</Typography.Text>
          <Select
            aria-label={t('list.space')}
            style={{ minWidth: 200 }}
            value={spaceId}
            onChange={setChosen}
            options={(spaces.data?.items ?? []).map((s) => ({ value: s.id, label: s.kind === 'personal' ? t('list.personal') : s.name }))}
          />
          {space?.kind === 'team' && <Button onClick={() => setEditingMembers(true)}>{t('list.members')}</Button>}
        </Flex>
        <ErrorAlert error={spaces.error ?? files.error} />
        {importError && <Typography.Paragraph type="danger">{importError}</Typography.Paragraph>}
        {files.isSuccess && files.data.items.length === 0 ? (
          <Empty description={t('list.empty')} />
        ) : (
          <Table<DocFile>
            rowKey="id"
            loading={files.isPending}
            dataSource={files.data?.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('list.fileTitle'), dataIndex: 'title', render: (_, f) => <Link to={`/app/docs/${f.id}`}>{f.title}</Link> },
              { title: t('list.kind'), dataIndex: 'kind', render: (_, f) => <Tag>{t(`list.${f.kind}`)}</Tag> },
              { title: t('list.access'), dataIndex: 'access', render: (_, f) => t(`access.${f.access}`) },
              { title: t('list.updatedAt'), dataIndex: 'updatedAt', render: (_, f) => formatDateTime(f.updatedAt) },
              { key: 'share', title: t('common:columns.actions'), render: (_, f) => (f.access === 'manage' || f.createdBy === me.member?.id ? <Button onClick={() => setSharing(f)}>{t('list.share')}</Button> : null) },
            ]}
          />
        )}
      </Card>
      <Modal open={creating !== undefined} title={creating ? t(creating === 'document' ? 'list.newDocument' : 'list.newSheet') : ''} onOk={() => void submitNew()} onCancel={() => setCreating(undefined)} confirmLoading={create.isPending} okButtonProps={{ disabled: title.trim() === '' }}>
        <Form layout="vertical">
          <Form.Item label={t('list.newTitle')}>
            <Input aria-label={t('list.newTitle')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
          </Form.Item>
          <ErrorAlert error={create.error} />
        </Form>
      </Modal>
      {sharing && <ShareDialog file={sharing} onClose={() => setSharing(undefined)} />}
      {newSpace && <NewSpaceDialog onClose={() => setNewSpace(false)} onCreated={setChosen} />}
      {editingMembers && space && <SpaceMembersDialog space={space} onClose={() => setEditingMembers(false)} />}
    </>
  );
}

/** A team space: its name and members, who all get the access chosen (the creator manages it). */
function NewSpaceDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (spaceId: string) => void }) {
  const { t } = useTranslation(['docs', 'common']);
  const people = usePeople();
  const create = useCreateSpace();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [role, setRole] = useState<'view' | 'edit'>('edit');
  const submit = async () => {
    const space = await create.mutateAsync({ name: name.trim(), members: members.map((memberId) => ({ memberId, role })) });
    void message.success(t('list.spaceCreated'));
    onCreated(space.id);
    onClose();
  };
  return (
    <Modal open title={t('list.newSpace')} onOk={() => void submit()} onCancel={onClose} confirmLoading={create.isPending} okButtonProps={{ disabled: name.trim() === '' }}>
      <Form layout="vertical">
        <Form.Item label={t('list.spaceName')}>
          <Input aria-label={t('list.spaceName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Form.Item>
        <Form.Item label={t('list.spaceMembers')}>
          <Select
            aria-label={t('list.spaceMembers')}
            mode="multiple"
            showSearch
            optionFilterProp="label"
            value={members}
            onChange={setMembers}
            options={(people.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item label={t('list.spaceMembersAccess')}>
          <Select aria-label={t('list.spaceMembersAccess')} value={role} onChange={setRole} options={(['view', 'edit'] as const).map((a) => ({ value: a, label: t(`access.${a}`) }))} />
        </Form.Item>
        <ErrorAlert error={create.error ?? people.error} />
      </Form>
    </Modal>
  );
}

/** 禁止仅浏览成员发表动态, for super admins. */
function DocsSettings() {
  const { t } = useTranslation(['docs', 'common']);
  const settings = useDocsSettings(true);
  const save = useSaveDocsSettings();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex gap="small" align="center">
        <Switch
          aria-label={t('settings.banViewOnly')}
          checked={settings.data?.viewOnlyCommentsBanned ?? false}
          loading={settings.isPending || save.isPending}
          onChange={(on) => void save.mutateAsync({ viewOnlyCommentsBanned: on }).then(() => message.success(t('settings.saved')))}
        />
        <Typography.Text>{t('settings.banViewOnly')}</Typography.Text>
      </Flex>
      <ErrorAlert error={save.error} />
    </Card>
  );
}
