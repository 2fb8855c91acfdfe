import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Segmented, Table, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useActiveMembers } from '../customers/api';
import type { ClockIn } from './api';
import { Verdicts } from './Verdicts';

type SummaryRow = Item<Reply<'/attendance/summary'>['items']>;
const DAY = 'YYYY-MM-DD';
const time = (iso: string) => dayjs(iso).format('HH:mm:ss');

/** 打卡记录: a day's clock-ins of the members in the admin's scope, with their verdicts. */
function DayRecords() {
  const { t } = useTranslation('attendance');
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const members = useActiveMembers();
  const records = useQuery({ queryKey: ['/attendance/records', day.format(DAY)], queryFn: () => api.get('/attendance/records', { params: { query: { day: day.format(DAY) } } }) });
  const name = (id: string) => members.data?.find((m) => m.value === id)?.label ?? id;
  return (
    <Flex vertical gap="middle">
      <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} aria-label={t('records.day')} style={{ width: 180 }} />
      <ErrorAlert error={records.error} />
      <Table<ClockIn>
        rowKey="id"
        loading={records.isPending}
        dataSource={records.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('records.empty') }}
        data-testid="attendance-records"
        columns={[
          { title: t('records.member'), render: (_, r) => name(r.memberId) },
          { title: t('records.time'), render: (_, r) => time(r.at) },
          { title: t('records.kind'), render: (_, r) => `${t(`kind.${r.kind}`)}${r.restDay ? ` (${t('records.restDay')})` : ''}` },
          { title: t('records.source'), render: (_, r) => t(`source.${r.source}`) },
          { title: t('records.device'), dataIndex: 'deviceId' },
          { title: t('records.result'), render: (_, r) => <Verdicts verdicts={r.verdicts} /> },
        ]}
      />
    </Flex>
  );
}

/** 汇总: per member over a day or a month, late, early, 未打卡 and exceptions, and the same as .xlsx. */
function Summary() {
  const { t } = useTranslation('attendance');
  const [period, setPeriod] = useState<'daily' | 'monthly'>('daily');
  const [at, setAt] = useState<Dayjs>(() => dayjs());
  const from = (period === 'daily' ? at : at.startOf('month')).format(DAY);
  const to = (period === 'daily' ? at : at.endOf('month')).format(DAY);
  const summary = useQuery({ queryKey: ['/attendance/summary', from, to], queryFn: () => api.get('/attendance/summary', { params: { query: { from, to } } }) });
  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" wrap align="center">
        <Segmented<'daily' | 'monthly'> value={period} onChange={setPeriod} options={(['daily', 'monthly'] as const).map((p) => ({ value: p, label: t(`records.period.${p}`) }))} />
        <DatePicker value={at} onChange={(d) => d && setAt(d)} allowClear={false} picker={period === 'daily' ? 'date' : 'month'} aria-label={t('records.day')} style={{ width: 180 }} />
        <Button icon={<DownloadOutlined />} href={`/api/v1/attendance/summary/export?${new URLSearchParams({ from, to }).toString()}`}>
          {t('records.export')}
        </Button>
      </Flex>
      <ErrorAlert error={summary.error} />
      <Table<SummaryRow>
        rowKey="memberId"
        loading={summary.isPending}
        dataSource={summary.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('records.empty') }}
        data-testid="attendance-summary"
        columns={[
          { title: t('records.member'), dataIndex: 'name' },
          { title: t('records.late'), dataIndex: 'late' },
          { title: t('records.early'), dataIndex: 'early' },
          { title: t('records.missed'), dataIndex: 'missed' },
          { title: t('records.exceptions'), dataIndex: 'exceptions' },
          { title: t('records.corrected'), dataIndex: 'corrected' },
        ]}
      />
    </Flex>
  );
}

export function RecordsPage() {
  const { t } = useTranslation('attendance');
  return (
    <>
      <PageHeader title={t('records.title')} />
      <Card>
        <Tabs
          items={[
            { key: 'records', label: t('records.tabs.records'), children: <DayRecords /> },
            { key: 'summary', label: t('records.tabs.summary'), children: <Summary /> },
          ]}
        />
      </Card>
    </>
  );
}
