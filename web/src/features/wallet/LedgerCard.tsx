import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { TXN_TYPES, useItemName, yuan, type LedgerRow, type TxnType } from './api';

type Range = [{ toISOString(): string } | null, { toISOString(): string } | null] | null;

/** 资金明细: newest first, filtered by type and time, exported as .xlsx or .csv with the same filters. */
export function LedgerCard() {
  const { t, i18n } = useTranslation('wallet');
  const itemName = useItemName();
  // What the row was for, from its codes; a manual refund shows the reason the operator wrote.
  const describe = (row: LedgerRow): string => {
    if (row.type === 'topup') return row.channel ? t('ledger.describe.topup', { channel: t(`channels.${row.channel}`) }) : t('ledger.types.topup');
    if (row.type === 'manual_refund' || !row.item) return row.description;
    const item = row.quantity === null ? itemName(row.item) : t('ledger.describe.item', { item: itemName(row.item), quantity: row.quantity });
    return row.type === 'refund' ? t('ledger.describe.refund', { item }) : item;
  };
  const [type, setType] = useState<TxnType | undefined>();
  const [range, setRange] = useState<Range>(null);
  const filters = { type, from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() };
  const ledger = useQuery({ queryKey: ['/wallet/ledger', filters], queryFn: () => api.get('/wallet/ledger', { params: { query: { ...filters, limit: 200 } } }) });
  const exportUrl = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams({ format, lang: i18n.language === 'en' ? 'en' : 'zh-CN' });
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    return `/api/v1/wallet/ledger/export?${params.toString()}`;
  };
  const columns: TableColumnsType<LedgerRow> = [
    { key: 'at', title: t('ledger.columns.at'), dataIndex: 'at', render: formatDateTime },
    { key: 'type', title: t('ledger.columns.type'), dataIndex: 'type', render: (v: TxnType) => t(`ledger.types.${v}`) },
    { key: 'description', title: t('ledger.columns.description'), render: (_, row) => describe(row) },
    { key: 'amount', title: t('ledger.columns.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => (v > 0 ? `+${yuan(v).slice(1)}` : yuan(v).replace('¥', '')) },
    { key: 'balanceAfter', title: t('ledger.columns.balanceAfter'), dataIndex: 'balanceAfterFen', align: 'right', render: (v: number) => yuan(v).slice(1) },
    { key: 'operator', title: t('ledger.columns.operator'), render: (_, row) => (row.operatorKind === 'system' ? t('ledger.system') : row.operator) },
    { key: 'serialNo', title: t('ledger.columns.serialNo'), dataIndex: 'serialNo' },
  ];
  return (
    <Card
      title={t('ledger.title')}
      extra={
        <Flex gap="small">
          <Button icon={<DownloadOutlined />} href={exportUrl('xlsx')} data-testid="export-xlsx">
            {t('ledger.export')} .xlsx
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl('csv')} data-testid="export-csv">
            {t('ledger.export')} .csv
          </Button>
        </Flex>
      }
    >
      <Flex gap="small" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('ledger.allTypes')}
          style={{ width: 160 }}
          value={type}
          onChange={setType}
          options={TXN_TYPES.map((v) => ({ value: v, label: t(`ledger.types.${v}`) }))}
        />
        <DatePicker.RangePicker showTime onChange={(v) => setRange(v as Range)} />
      </Flex>
      <ErrorAlert error={ledger.error} />
      <Table<LedgerRow> rowKey="serialNo" size="small" loading={ledger.isLoading} columns={columns} dataSource={ledger.data?.items ?? []} pagination={{ pageSize: 20 }} />
    </Card>
  );
}
