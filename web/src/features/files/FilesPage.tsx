import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Modal, Select, Space, Tag, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatSize } from '../../format';
import { useCursorList, type CursorRow } from '../../hooks/useCursorList';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';

type StoredFile = CursorRow<'/files'>;

/** The server's default per-file limit (src/config.ts): a bigger file is refused here, before it is sent. */
const FILE_LIMIT_BYTES = 20 * 1024 * 1024;

function fileForm(body: { file: Blob }): FormData {
  const form = new FormData();
  form.append('file', body.file, body.file instanceof File ? body.file.name : 'file');
  return form;
}

/** A member's files: upload, preview in the viewer, download (unless preview-only) and forward. */
export function FilesPage() {
  const { t } = useTranslation('files');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const list = useCursorList('/files');
  const [forwarding, setForwarding] = useState<StoredFile>();

  const upload = useMutation({
    mutationFn: (file: File) => api.post('/files', { body: { file }, bodySerializer: fileForm }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/files'] });
      void message.success(t('uploaded'));
    },
    onError: notifyError,
  });

  const columns: TableColumnsType<StoredFile> = [
    {
      key: 'name',
      title: t('name'),
      render: (_, f) => (
        <Space>
          {f.name}
          {f.confidential && <Tag color="red">{t('confidential')}</Tag>}
        </Space>
      ),
    },
    { key: 'size', title: t('size'), dataIndex: 'size', render: formatSize, width: 100 },
    { key: 'from', title: t('from'), dataIndex: 'forwardedBy', render: (name: string | null) => name ?? '' },
    { key: 'createdAt', title: t('createdAt'), dataIndex: 'createdAt', render: formatDateTime, width: 150 },
    {
      key: 'actions',
      title: t('actions'),
      render: (_, f) => (
        <Space>
          <Button size="small" href={`/api/v1/files/${f.id}/view`} target="_blank">
            {t('view')}
          </Button>
          {f.downloadAllowed ? (
            <Button size="small" href={`/api/v1/files/${f.id}/download`}>
              {t('download')}
            </Button>
          ) : (
            <Tag>{t('previewOnly')}</Tag>
          )}
          <Button size="small" onClick={() => setForwarding(f)}>
            {t('forward')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      <Flex vertical gap="middle">
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > FILE_LIMIT_BYTES) void message.error(t('tooLarge', { size: formatSize(FILE_LIMIT_BYTES) }));
            else upload.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {t('upload')}
          </Button>
        </Upload>
        <CursorTable<StoredFile> list={list} size="small" columns={columns} />
      </Flex>
      {forwarding && <ForwardDialog file={forwarding} onClose={() => setForwarding(undefined)} />}
    </>
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
