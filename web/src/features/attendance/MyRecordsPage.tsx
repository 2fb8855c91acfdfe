import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, List, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { myClockInsKey } from './api';
import { Verdicts } from './Verdicts';

type Row = Item<Reply<'/attendance/my-records'>['items']>;
const MONTH = 'YYYY-MM';
const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' } as const;

/** A record can be corrected when it was missed or abnormal and no correction holds it (a rejected or withdrawn one does not). */
const correctable = (r: Row) => r.verdicts.length > 0 && (r.correction === null || r.correction.status === 'rejected' || r.correction.status === 'withdrawn');

/** 补卡申请: the day and the 上班 or 下班 are the record's; the member gives the reason. */
function CorrectionForm({ record, onClose }: { record: Row; onClose: () => void }) {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const ask = useMutation({
    mutationFn: (reason: string) =>
      api.post('/attendance/corrections', { body: { day: record.day, kind: record.kind, reason, ...(record.clockIn && record.clockIn.source !== 'correction' ? { clockInId: record.clockIn.id } : {}) } }),
    onSuccess: async () => {
      void message.success(t('mine.form.done'));
      await queryClient.invalidateQueries({ queryKey: ['/attendance/my-records'] });
      await queryClient.invalidateQueries({ queryKey: myClockInsKey });
      onClose();
    },
  });
  return (
    <Modal open title={t('mine.form.title')} onCancel={onClose} okText={t('mine.form.submit')} confirmLoading={ask.isPending} onOk={() => form.submit()} destroyOnHidden>
      <Descriptions size="small" column={1} items={[{ key: 'day', label: t('mine.form.day'), children: record.day }, { key: 'kind', label: t('mine.form.kind'), children: t(`kind.${record.kind}`) }]} />
      <Form form={form} layout="vertical" onFinish={(v) => ask.mutate(v.reason.trim())}>
        <Form.Item name="reason" label={t('mine.form.reason')} rules={[{ required: true, whitespace: true, message: t('mine.form.reasonRequired') }]}>
          <Input.TextArea maxLength={200} rows={3} />
        </Form.Item>
      </Form>
      <ErrorAlert error={ask.error} />
    </Modal>
  );
}

/**
 * 我的打卡记录 at /app/attendance/records, made for a phone: a month of the member's 上班 and 下班,
 * each 正常, abnormal or 未打卡, with 补卡 on a missed or abnormal one and the state of its correction.
 */
export function MyRecordsPage() {
  const { t } = useTranslation('attendance');
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [correcting, setCorrecting] = useState<Row | null>(null);
  const records = useQuery({ queryKey: ['/attendance/my-records', month.format(MONTH)], queryFn: () => api.get('/attendance/my-records', { params: { query: { month: month.format(MONTH) } } }) });
  if (records.isError) return <LoadFailed error={records.error} onRetry={() => void records.refetch()} />;
  return (
    <>
      <PageHeader title={t('mine.title')} />
      <Flex vertical gap="middle">
        <Flex gap="middle" wrap align="center">
          <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} aria-label={t('mine.month')} style={{ width: 160 }} />
          {records.data && <Typography.Text type="secondary">{t('mine.used', records.data.corrections)}</Typography.Text>}
        </Flex>
        <Card size="small">
          <List
            loading={records.isPending}
            dataSource={records.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mine.empty')} /> }}
            renderItem={(r) => (
              <List.Item
                key={`${r.day}-${r.kind}`}
                data-testid="my-record"
                actions={correctable(r) ? [<Button key="correct" size="small" onClick={() => setCorrecting(r)}>{t('mine.correct')}</Button>] : []}
              >
                <Flex gap="small" wrap align="center">
                  <Typography.Text>{r.day}</Typography.Text>
                  <Tag>{t(`kind.${r.kind}`)}</Tag>
                  <Typography.Text>{r.clockIn ? dayjs(r.clockIn.at).format('HH:mm:ss') : '—'}</Typography.Text>
                  <Verdicts verdicts={r.verdicts} />
                  {r.correction && <Tag color={STATUS_COLOR[r.correction.status]}>{t(`mine.status.${r.correction.status}`)}</Tag>}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Flex>
      {correcting && <CorrectionForm record={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}
