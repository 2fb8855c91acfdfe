import { ArrowUpOutlined, FolderAddOutlined, FolderOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Empty, Flex, Form, Input, List, Modal, Popconfirm, Progress, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Reply } from '../../api';
import { fileForm } from '../../api/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatSize } from '../../format';
import { useCursorList, type CursorRow } from '../../hooks/useCursorList';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';

type StoredFile = CursorRow<'/files'>;
type Folder = Reply<'/file-folders'>['items'][number];
/** What the move dialog moves: one of the open folder's files or folders. */
type Moving = { file: StoredFile } | { folder: Folder };

/** The server's default per-file limit (src/config.ts): a bigger file is refused here, before it is sent. */
const FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** After any change: the files, the folders and the quota line are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all(['/files', '/files/quota', '/file-folders'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

/**
 * A member's files (微盘-like): the quota line, folders (open, create, rename, move into another
 * folder, delete when empty), and the files of the open folder: upload, preview in the viewer, download (unless preview-only),
 * forward, move into a folder, delete after a confirmation. Laid out as lists, so it fits a phone.
 */
export function FilesPage() {
  const { t } = useTranslation('files');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [folderId, setFolderId] = useState<string>();
  const folders = useQuery({ queryKey: ['/file-folders', folderId ?? ''], queryFn: () => api.get('/file-folders', { params: { query: { parentId: folderId } } }) });
  const list = useCursorList('/files', { folderId });
  const [forwarding, setForwarding] = useState<StoredFile>();
  const [moving, setMoving] = useState<Moving>();
  const [naming, setNaming] = useState<{ folder?: Folder }>();

  const upload = useMutation({
    mutationFn: (file: File) => api.post('/files', { params: { query: { folderId } }, body: { file }, bodySerializer: fileForm }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('uploaded'));
    },
    onError: notifyError,
  });
  const removeFile = useMutation({
    mutationFn: (id: string) => api.delete('/files/{id}', { params: { path: { id } } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('deleted'));
    },
    onError: notifyError,
  });
  const removeFolder = useMutation({
    mutationFn: (id: string) => api.delete('/file-folders/{id}', { params: { path: { id } } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('deleted'));
    },
    onError: notifyError,
  });

  const current = folders.data?.parent ?? null;
  const subfolders = folders.data?.items ?? [];
  const empty = list.isSuccess && list.items.length === 0 && folders.isSuccess && subfolders.length === 0;

  return (
    <>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      <Flex vertical gap="middle">
        <Quota />
        <Flex wrap gap="small" align="center" justify="space-between">
          <Breadcrumb
            items={[
              { key: 'top', title: current ? <a onClick={() => setFolderId(undefined)}>{t('top')}</a> : t('top') },
              ...(current ? [{ key: current.id, title: current.name }] : []),
            ]}
          />
          <Space wrap>
            {current && (
              <Button icon={<ArrowUpOutlined />} onClick={() => setFolderId(current.parentId ?? undefined)}>
                {t('up')}
              </Button>
            )}
            <Button icon={<FolderAddOutlined />} onClick={() => setNaming({})}>
              {t('newFolder')}
            </Button>
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                if (file.size > FILE_LIMIT_BYTES) void message.error(t('tooLarge', { size: formatSize(FILE_LIMIT_BYTES) }));
                else upload.mutate(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
                {t('upload')}
              </Button>
            </Upload>
          </Space>
        </Flex>
        <ErrorAlert error={folders.error ?? list.error} />
        {empty ? (
          <Empty description={t('empty')} />
        ) : (
          <>
            {subfolders.length > 0 && (
              <List
                size="small"
                bordered
                dataSource={subfolders}
                renderItem={(f) => (
                  <List.Item
                    key={f.id}
                    data-testid="folder-item"
                    actions={[
                      <a key="rename" onClick={() => setNaming({ folder: f })}>
                        {t('rename')}
                      </a>,
                      <a key="move" onClick={() => setMoving({ folder: f })}>
                        {t('move')}
                      </a>,
                      <Popconfirm key="delete" title={t('deleteFolderConfirm', { name: f.name })} okText={t('delete')} okButtonProps={{ danger: true }} onConfirm={() => removeFolder.mutate(f.id)}>
                        <a>{t('delete')}</a>
                      </Popconfirm>,
                    ]}
                  >
                    <Button type="link" icon={<FolderOutlined />} onClick={() => setFolderId(f.id)} style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}>
                      {f.name}
                    </Button>
                  </List.Item>
                )}
              />
            )}
            <List
              itemLayout="vertical"
              loading={list.isPending}
              dataSource={list.items}
              renderItem={(f) => (
                <List.Item
                  key={f.id}
                  data-testid="file-item"
                  actions={[
                    <a key="view" href={`/api/v1/files/${f.id}/view`} target="_blank" rel="noreferrer">
                      {t('view')}
                    </a>,
                    f.downloadAllowed ? (
                      <a key="download" href={`/api/v1/files/${f.id}/download`}>
                        {t('download')}
                      </a>
                    ) : (
                      <Tag key="preview-only">{t('previewOnly')}</Tag>
                    ),
                    <a key="forward" onClick={() => setForwarding(f)}>
                      {t('forward')}
                    </a>,
                    <a key="move" onClick={() => setMoving({ file: f })}>
                      {t('move')}
                    </a>,
                    <Popconfirm key="delete" title={t('deleteConfirm', { name: f.name })} description={f.confidential ? t('deleteConfidential') : t('deleteHint')} okText={t('delete')} okButtonProps={{ danger: true }} onConfirm={() => removeFile.mutate(f.id)}>
                      <a>{t('delete')}</a>
                    </Popconfirm>,
                  ]}
                >
                  <Flex vertical gap={2}>
                    <Space wrap size="small">
                      <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                        {f.name}
                      </Typography.Text>
                      {f.confidential && <Tag color="red">{t('confidential')}</Tag>}
                    </Space>
                    <Typography.Text type="secondary">
                      {[formatSize(f.size), formatDateTime(f.createdAt), f.forwardedBy ? t('fromName', { name: f.forwardedBy }) : ''].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
            <LoadMore list={list} />
          </>
        )}
      </Flex>
      {forwarding && <ForwardDialog file={forwarding} onClose={() => setForwarding(undefined)} />}
      {moving && <MoveDialog moving={moving} current={current} subfolders={subfolders} onClose={() => setMoving(undefined)} />}
      {naming && <FolderDialog folder={naming.folder} parentId={folderId} onClose={() => setNaming(undefined)} />}
    </>
  );
}

/** 微盘's capacity line: what the member's ordinary files take of their quota. */
function Quota() {
  const { t } = useTranslation('files');
  const quota = useQuery({ queryKey: ['/files/quota'], queryFn: () => api.get('/files/quota') });
  if (!quota.data) return null;
  const { usedBytes, quotaBytes } = quota.data;
  const percent = Math.min(100, Math.round((usedBytes / quotaBytes) * 1000) / 10);
  return (
    <Flex vertical data-testid="files-quota">
      <Typography.Text>{t('quota', { used: formatSize(usedBytes), quota: formatSize(quotaBytes) })}</Typography.Text>
      <Progress percent={percent} showInfo={false} status={percent >= 90 ? 'exception' : 'normal'} aria-label={t('quotaLabel')} />
    </Flex>
  );
}

function FolderDialog({ folder, parentId, onClose }: { folder: Folder | undefined; parentId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('files');
  const refresh = useRefresh();
  return (
    <FormModal<{ name: string }>
      open
      title={folder ? t('renameTitle', { name: folder.name }) : t('newFolder')}
      initialValues={{ name: folder?.name ?? '' }}
      onSubmit={async ({ name }) => {
        if (folder) await api.patch('/file-folders/{id}', { params: { path: { id: folder.id } }, body: { name } });
        else await api.post('/file-folders', { body: { name, parentId: parentId ?? null } });
        await refresh();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('folderName')} rules={[{ required: true, whitespace: true, message: t('folderNameRequired') }]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * Moves a file or a folder (with all it holds) to the top level, the open folder's parent, or one of
 * the open folder's other folders. A folder is not offered itself; the server refuses any folder
 * inside it too.
 */
function MoveDialog({ moving, current, subfolders, onClose }: { moving: Moving; current: Folder | null; subfolders: Folder[]; onClose: () => void }) {
  const { t } = useTranslation('files');
  const refresh = useRefresh();
  const name = 'file' in moving ? moving.file.name : moving.folder.name;
  const options = [
    ...(current ? [{ value: '', label: t('top') }] : []),
    ...(current?.parentId ? [{ value: current.parentId, label: t('parentFolder') }] : []),
    ...subfolders.filter((f) => 'file' in moving || f.id !== moving.folder.id).map((f) => ({ value: f.id, label: f.name })),
  ];
  return (
    <FormModal<{ folderId: string }>
      open
      title={t('moveTitle', { name })}
      onSubmit={async ({ folderId }) => {
        if ('file' in moving) await api.patch('/files/{id}', { params: { path: { id: moving.file.id } }, body: { folderId: folderId || null } });
        else await api.patch('/file-folders/{id}', { params: { path: { id: moving.folder.id } }, body: { parentId: folderId || null } });
        await refresh();
      }}
      onClose={onClose}
    >
      {options.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noTarget')}</Typography.Paragraph>
      ) : (
        <Form.Item name="folderId" label={t('target')} rules={[{ required: true, message: t('targetRequired') }]}>
          <Select options={options} aria-label={t('target')} />
        </Form.Item>
      )}
    </FormModal>
  );
}

function ForwardDialog({ file, onClose }: { file: StoredFile; onClose: () => void }) {
  const { t } = useTranslation('files');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const members = useActiveMembers();
  const [memberId, setMemberId] = useState<string>();
  const forward = useMutation({
    mutationFn: () => api.post('/files/{id}/forwards', { params: { path: { id: file.id } }, body: { memberId: memberId! } }),
    onSuccess: () => {
      void message.success(t('forwarded'));
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal open title={t('forwardTitle', { name: file.name })} onCancel={onClose} onOk={() => forward.mutate()} okButtonProps={{ disabled: !memberId, loading: forward.isPending }}>
      <Form layout="vertical">
        <Form.Item label={t('recipient')}>
          <Select showSearch optionFilterProp="label" value={memberId} onChange={setMemberId} options={members.data ?? []} aria-label={t('recipient')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
