import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Reply } from '../../api';
import { fileForm } from '../../api/forms';
import { useNotifyError } from '../../hooks/useNotifyError';

export type Scan = Reply<'/certification/files', 'post'>;

/** The server's limit for a scan (certification files.ts SCAN_LIMIT): a bigger file is refused before it is sent. */
const SCAN_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * One scan (licence, letter, screenshot) uploaded to the enterprise's application files — the store
 * certification and data migration share — showing its name once uploaded.
 */
export function ScanUpload({ value, onChange, label }: { value?: Scan | undefined; onChange?: (scan: Scan) => void; label: string }) {
  const { t } = useTranslation('certification');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const upload = useMutation({
    mutationFn: (file: File) => api.post('/certification/files', { body: { file }, bodySerializer: fileForm }),
    onSuccess: (scan) => onChange?.(scan),
    onError: notifyError,
  });
  return (
    <Space wrap>
      <Upload
        accept="image/jpeg,image/png,application/pdf"
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > SCAN_LIMIT_BYTES) void message.error(t('scan.tooLarge'));
          else upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} aria-label={`${value ? t('scan.replace') : t('scan.upload')} ${label}`}>
          {value ? t('scan.replace') : t('scan.upload')}
        </Button>
      </Upload>
      {value && (
        <Typography.Text type="success">
          <PaperClipOutlined /> {value.name}
        </Typography.Text>
      )}
    </Space>
  );
}
