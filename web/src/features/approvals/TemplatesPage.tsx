import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useArchiveTemplate, useTemplates, type Template } from './api';
import { TemplateEditor } from './TemplateEditor';

/** Admin: the approval templates; `?edit=<id|new>` opens the editor (form, flow designer, rule settings). */
export function TemplatesPage() {
  const { t } = useTranslation(['approvals', 'common']);
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit');
  const templates = useTemplates();
  const archive = useArchiveTemplate();

  if (editing) return <TemplateEditor templateId={editing} onDone={() => setParams({})} setsAssistants />;

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        extra={
          <Button type="primary" onClick={() => setParams({ edit: 'new' })}>
            {t('templates.new')}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={templates.error ?? archive.error} />
        <Table<Template>
          rowKey="id"
          loading={templates.isPending}
          dataSource={templates.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('templates.empty') }}
          columns={[
            {
              title: t('templates.name'),
              dataIndex: 'name',
              // A built-in template keeps the name it was made with (补卡) unless an admin renamed it: shown in the reader's language then.
              render: (name: string, row) =>
                row.builtin ? (
                  <Space>
                    {row.builtin === 'attendance.correction' && name === '补卡' ? t('templates.correction') : name}
                    <Tag color="blue">{t('templates.builtin')}</Tag>
                  </Space>
                ) : (
                  name
                ),
            },
            { title: t('templates.version'), dataIndex: 'version', width: 80 },
            { title: t('templates.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
            { title: t('templates.state'), dataIndex: 'archived', render: (v: boolean) => (v ? <Tag>{t('templates.archived')}</Tag> : <Tag color="green">{t('templates.inUse')}</Tag>) },
            {
              title: t('common:columns.actions'),
              key: 'actions',
              render: (_, row) => (
                <Space>
                  <Button type="link" onClick={() => setParams({ edit: row.id })}>
                    {t('templates.edit')}
                  </Button>
                  {!row.archived && !row.builtin && (
                    <Popconfirm title={t('templates.archive')} onConfirm={() => archive.mutate(row.id)}>
                      <Button type="link" danger>
                        {t('templates.archive')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
