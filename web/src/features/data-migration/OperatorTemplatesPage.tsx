import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { fileForm } from '../../api/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatSize } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';

type Template = Item<Reply<'/operator/data-migration-templates'>['items']>;

const PATH = '/operator/data-migration-templates';
/** The server's limit for a template (datamigration.routes.ts, the scans' 5 MiB): a bigger file is refused before it is sent. */
const TEMPLATE_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * 迁移模版: the two templates enterprises download when applying (数据迁移委托函, 名称使用授权书), as
 * they get them now — built in, or the file last uploaded, by whom and when — each replaced by
 * uploading a PDF or Word (.docx) file.
 */
export function OperatorTemplatesPage() {
  const { t } = useTranslation(['dataMigration', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: [PATH], queryFn: () => api.get(PATH), select: (d) => d.items });
  const replace = useMutation({
    mutationFn: ({ kind, file }: { kind: Template['kind']; file: File }) => api.put('/operator/data-migration-templates/{kind}', { params: { path: { kind } }, body: { file }, bodySerializer: fileForm }),
    onSuccess: () => void message.success(t('templates.replaced')),
    onError: notifyError,
    onSettled: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  const columns: TableColumnsType<Template> = [
    { key: 'kind', title: t('templates.kind'), render: (_, row) => <Typography.Text strong>{t(`materials.${row.kind}`)}</Typography.Text> },
    {
      key: 'file',
      title: t('templates.file'),
      render: (_, row) => (row.builtIn ? <Typography.Text type="secondary">{t('templates.builtIn')}</Typography.Text> : row.name),
    },
    { key: 'size', title: t('templates.size'), render: (_, row) => formatSize(row.size) },
    { key: 'updated', title: t('templates.updated'), render: (_, row) => (row.updatedAt ? `${row.updatedBy ?? ''} · ${formatDateTime(row.updatedAt)}` : '—') },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, row) => (
        <Flex gap="small" wrap>
          <Button icon={<DownloadOutlined />} href={`/api/v1${PATH}/${row.kind}`} aria-label={`${t('templates.download')} ${t(`materials.${row.kind}`)}`}>
            {t('templates.download')}
          </Button>
          <Upload
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > TEMPLATE_LIMIT_BYTES) void message.error(t('templates.tooLarge'));
              else replace.mutate({ kind: row.kind, file });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={replace.isPending && replace.variables.kind === row.kind} aria-label={`${t('templates.upload')} ${t(`materials.${row.kind}`)}`}>
              {t('templates.upload')}
            </Button>
          </Upload>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('templates.title')}>{t('templates.hint')}</PageHeader>
      <ErrorAlert error={templates.error} />
      <Table<Template> rowKey="kind" columns={columns} dataSource={templates.data ?? []} loading={templates.isPending} pagination={false} data-testid="migration-templates" />
    </>
  );
}
