import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Select, Tag, type GetProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorTable } from '../../components/CursorTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { useLanguage } from '../../hooks/useLanguage';
import { usePeople, useTemplates, type DataFilters, type DataItem } from './api';
import { STATUS_COLOR } from './MemberApprovalsPage';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];
const STATUSES = ['running', 'approved', 'rejected', 'withdrawn'] as const;

/**
 * 审批数据: every request the caller may read (all for the app's admins, their templates' for
 * assistants), by template, status, applicant and submission date, page by page, and as .xlsx.
 * A request opens on the member area's request page, which shows admins the whole trail.
 */
export function DataPage() {
  const { t } = useTranslation('approvals');
  const language = useLanguage();
  const [filters, setFilters] = useState<DataFilters>({});
  const list = useCursorList('/approvals/data', filters);
  const templates = useTemplates();
  const people = usePeople();
  const [form] = Form.useForm<{ templateId?: string; status?: DataFilters['status']; applicantId?: string; range?: RangeValue }>();
  const exportQuery = new URLSearchParams({ lang: language });
  for (const [k, v] of Object.entries(filters)) if (v) exportQuery.set(k, v);

  const columns: TableColumnsType<DataItem> = [
    { key: 'template', title: t('data.template'), dataIndex: 'templateName' },
    { key: 'applicant', title: t('data.applicant'), dataIndex: 'applicantName' },
    { key: 'submitter', title: t('data.submitter'), dataIndex: 'submitterName' },
    { key: 'status', title: t('data.status'), dataIndex: 'status', render: (status: DataItem['status']) => <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag> },
    { key: 'submittedAt', title: t('data.submittedAt'), dataIndex: 'submittedAt', width: 170, render: formatDateTime },
    { key: 'finishedAt', title: t('data.finishedAt'), dataIndex: 'finishedAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '') },
    { key: 'open', title: t('data.open'), render: (_, row) => <Link to={`/app/approvals/requests/${row.id}`}>{t('data.open')}</Link> },
  ];
  return (
    <>
      <PageHeader title={t('data.title')} />
      <Card>
        <Flex vertical gap="middle">
          <Form
            form={form}
            layout="inline"
            style={{ rowGap: 12 }}
            onFinish={({ templateId, status, applicantId, range }) => {
              const [from, to] = range ?? [];
              setFilters({ templateId, status, applicantId, from: from?.startOf('day').toISOString(), to: to?.add(1, 'day').startOf('day').toISOString() });
            }}
          >
            <Form.Item name="templateId" label={t('data.template')}>
              <Select allowClear style={{ width: 180 }} data-testid="data-template" placeholder={t('data.allTemplates')} options={(templates.data?.items ?? []).filter((x) => x.canManage).map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
            <Form.Item name="status" label={t('data.status')}>
              <Select allowClear style={{ width: 140 }} data-testid="data-status" placeholder={t('data.allStatuses')} options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} />
            </Form.Item>
            <Form.Item name="applicantId" label={t('data.applicant')}>
              <Select allowClear showSearch optionFilterProp="label" style={{ width: 160 }} data-testid="data-applicant" placeholder={t('data.anyone')} options={(people.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
            <Form.Item name="range" label={t('data.range')}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('data.search')}
              </Button>
            </Form.Item>
            <Form.Item>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('data.reset')}
              </Button>
            </Form.Item>
            <Form.Item>
              <Button icon={<DownloadOutlined />} href={`/api/v1/approvals/data/export?${exportQuery.toString()}`} data-testid="data-export">
                {t('data.export')}
              </Button>
            </Form.Item>
          </Form>
          <CursorTable<DataItem> list={list} size="small" columns={columns} scroll={{ x: 'max-content' }} locale={{ emptyText: t('data.empty') }} data-testid="data-table" />
        </Flex>
      </Card>
    </>
  );
}
