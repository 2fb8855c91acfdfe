import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Radio, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { departmentsKey, IMPORT_FILE_LIMIT_BYTES, importFormData, membersPath } from './api';

/** 批量导入: pick a file (20 MB at most), upload it as a multipart form, then poll the job for progress and row errors. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'members' | 'departments'>('members');
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: async () => {
      const format = file!.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const { id } = await api.post('/contacts/imports', { body: { kind, format, file: file! }, bodySerializer: importFormData });
      return id;
    },
    onSuccess: setImportId,
  });
  const status = useQuery({
    queryKey: ['/contacts/imports', importId],
    queryFn: () => api.get('/contacts/imports/{id}', { params: { path: { id: importId! } } }),
    enabled: importId !== null,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'done' || query.state.data.status === 'failed') ? false : 500),
  });
  const s = status.data;
  const finished = s?.status === 'done' || s?.status === 'failed';
  const close = () => {
    if (s?.status === 'done') {
      void queryClient.invalidateQueries({ queryKey: [membersPath] });
      void queryClient.invalidateQueries({ queryKey: departmentsKey });
    }
    setImportId(null);
    setFile(null);
    setTooLarge(false);
    start.reset();
    onClose();
  };
  const percent = s && s.total ? Math.round((s.done / s.total) * 100) : 0;

  return (
    <Modal
      open={open}
      title={t('importModal.title')}
      onCancel={close}
      destroyOnHidden
      width={640}
      footer={
        importId === null ? (
          <Button type="primary" disabled={!file} loading={start.isPending} onClick={() => start.mutate()}>
            {t('importModal.start')}
          </Button>
        ) : (
          <Button onClick={close} disabled={!finished}>
            OK
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'members' | 'departments')} disabled={importId !== null}>
          <Radio.Button value="members">{t('importModal.members')}</Radio.Button>
          <Radio.Button value="departments">{t('importModal.departments')}</Radio.Button>
        </Radio.Group>
        <Typography.Text type="secondary">{t('importModal.template')}</Typography.Text>
        <Typography.Text type="secondary" data-testid="import-limit">
          {t('importModal.limit')}
        </Typography.Text>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          disabled={importId !== null}
          beforeUpload={(f) => {
            // Refused here, before a byte is sent: the server would refuse it too (directory.import_too_large).
            const fits = f.size <= IMPORT_FILE_LIMIT_BYTES;
            setTooLarge(!fits);
            setFile(fits ? f : null);
            return fits ? false : Upload.LIST_IGNORE;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>{t('importModal.file')}</Button>
        </Upload>
        {tooLarge && <Alert type="error" showIcon title={t('importModal.tooLarge')} data-testid="import-too-large" />}
        <ErrorAlert error={start.error ?? status.error} />
        {importId !== null && (
          <Progress percent={s?.status === 'done' ? 100 : percent} status={s?.status === 'failed' ? 'exception' : s?.status === 'done' ? 'success' : 'active'} data-testid="import-progress" />
        )}
        {s?.status === 'done' && <Alert type="success" showIcon title={t('importModal.done', { count: s.result?.created ?? 0 })} />}
        {s?.status === 'failed' && s.error && (
          <>
            <Alert type="error" showIcon title={s.error.rows.length > 0 ? t('importModal.failed') : s.error.message} />
            {s.error.rows.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.row}:${r.field}`}
                dataSource={s.error.rows}
                pagination={{ pageSize: 10 }}
                columns={[
                  { key: 'row', title: t('importModal.row'), dataIndex: 'row', width: 80 },
                  { key: 'field', title: t('importModal.field'), dataIndex: 'field' },
                  { key: 'reason', title: t('importModal.reason'), dataIndex: 'reason', render: (reason: string) => t(`reasons.${reason}` as 'reasons.required', { defaultValue: reason }) },
                ]}
              />
            )}
          </>
        )}
      </Flex>
    </Modal>
  );
}
