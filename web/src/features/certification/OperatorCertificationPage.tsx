import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, type DatePickerProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { CursorTable } from '../../components/CursorTable';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useCursorList, type CursorRow } from '../../hooks/useCursorList';

type Pending = CursorRow<'/operator/certification-applications'>;
/** antd's date type (dayjs), named without depending on dayjs directly. */
type DateValue = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

const PATH = '/operator/certification-applications';

const review = (row: Pending, body: { decision: 'approve'; validUntil: string } | { decision: 'reject'; reason: string }) =>
  api.post('/operator/corps/{corpId}/certification-applications/{id}/review', { params: { path: { corpId: row.corpId, id: row.id } }, body });

/** 企业认证审核: applications under review, oldest first, a page at a time; approve with a validity or reject with a reason. */
export function OperatorCertificationPage() {
  const { t } = useTranslation(['certification', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useCursorList(PATH);
  const [approving, setApproving] = useState<Pending | null>(null);
  const [rejecting, setRejecting] = useState<Pending | null>(null);
  const decided = async () => {
    void message.success(t('review.done'));
    await queryClient.invalidateQueries({ queryKey: [PATH] });
  };
  const columns: TableColumnsType<Pending> = [
    { key: 'corp', title: t('review.corp'), dataIndex: 'corpName' },
    { key: 'subject', title: t('fields.subjectName'), dataIndex: 'subjectName' },
    { key: 'creditCode', title: t('fields.creditCode'), dataIndex: 'creditCode' },
    {
      key: 'licence',
      title: t('fields.licence'),
      render: (_, row) =>
        row.licenceFile && (
          <a href={`/api/v1/operator/corps/${row.corpId}/certification/files/${row.licenceFile.id}`} download>
            {row.licenceFile.name}
          </a>
        ),
    },
    { key: 'contact', title: t('fields.contact'), render: (_, row) => `${row.contactName} ${row.contactPhone}` },
    { key: 'submittedAt', title: t('latest.submitted'), dataIndex: 'submittedAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, row) => (
        <Flex gap="small">
          <Button type="link" size="small" onClick={() => setApproving(row)}>
            {t('review.approve')}
          </Button>
          <Button type="link" size="small" danger onClick={() => setRejecting(row)}>
            {t('review.reject')}
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('review.title')}>{t('review.hint')}</PageHeader>
      <CursorTable<Pending> list={list} size="small" columns={columns} locale={{ emptyText: t('review.empty') }} />
      <FormModal<{ until: DateValue }>
        open={approving !== null}
        title={t('review.approveTitle', { corp: approving?.corpName ?? '' })}
        okText={t('review.approve')}
        onClose={() => setApproving(null)}
        onSubmit={async ({ until }) => {
          // Certified through the end of the chosen day, in the operator's time zone.
          await review(approving!, { decision: 'approve', validUntil: until.endOf('day').toISOString() });
          await decided();
        }}
      >
        <Form.Item name="until" label={t('review.validUntil')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(day) => day.endOf('day').valueOf() < Date.now()} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }>
        open={rejecting !== null}
        title={t('review.rejectTitle', { corp: rejecting?.corpName ?? '' })}
        okText={t('review.reject')}
        onClose={() => setRejecting(null)}
        onSubmit={async ({ reason }) => {
          try {
            await review(rejecting!, { decision: 'reject', reason: reason.trim() });
            await decided();
          } catch (error) {
            await queryClient.invalidateQueries({ queryKey: [PATH] });
            throw error;
          }
        }}
      >
        <Form.Item name="reason" label={t('latest.rejectReason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
