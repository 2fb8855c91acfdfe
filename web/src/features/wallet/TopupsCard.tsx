import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { CursorTable } from '../../components/CursorTable';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { useNotifyError } from '../../hooks/useNotifyError';
import { TOPUPS_KEY, yuan, type Topup, type TopupStatus } from './api';

const STATUS_COLOR: Record<TopupStatus, string> = { pending: 'processing', paid: 'success', closed: 'default' };
const REASONS = ['amount_mismatch', 'payer_mismatch'] as const;

/**
 * 充值记录: every top-up of the enterprise, pending and past, so a bank transfer's 识别码 is still there
 * after its dialog closed. A pending one can be looked at again (the transfer details, the QR page) or closed.
 */
export function TopupsCard({ mayTopUp, onShow }: { mayTopUp: boolean; onShow: (topup: Topup) => void }) {
  const { t } = useTranslation('wallet');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const list = useCursorList('/wallet/topups');
  const close = useMutation({
    mutationFn: (id: string) => api.post('/wallet/topups/{topupId}/close', { params: { path: { topupId: id } } }),
    onSuccess: async () => {
      void message.success(t('topups.closed'));
      await queryClient.invalidateQueries({ queryKey: TOPUPS_KEY });
    },
    onError: notifyError,
  });
  const columns: TableColumnsType<Topup> = [
    { key: 'createdAt', title: t('topups.columns.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { key: 'channel', title: t('topups.columns.channel'), dataIndex: 'channel', render: (c: Topup['channel']) => t(`channels.${c}`) },
    { key: 'code', title: t('topups.columns.code'), dataIndex: 'code', render: (code: string | null) => (code ? <strong>{code}</strong> : '—') },
    { key: 'amount', title: t('topups.columns.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
    {
      key: 'status',
      title: t('topups.columns.status'),
      render: (_, row) => {
        // Why the operator could not credit it yet (recorded on the top-up as `code: details`).
        const reason = REASONS.find((r) => row.status === 'pending' && row.pendingReason?.startsWith(`${r}:`));
        return (
          <Tooltip title={reason ? t(`topups.reasons.${reason}`) : undefined}>
            <Tag color={reason ? 'warning' : STATUS_COLOR[row.status]}>{t(`topups.status.${row.status}`)}</Tag>
          </Tooltip>
        );
      },
    },
    { key: 'createdBy', title: t('topups.columns.createdBy'), dataIndex: 'createdBy' },
    {
      key: 'actions',
      title: t('topups.columns.actions'),
      render: (_, row) =>
        row.status === 'pending' && row.orderId === null && mayTopUp ? (
          <Space size={0}>
            {row.instructions.kind === 'online' ? (
              <Button type="link" size="small" onClick={() => navigate(`/wallet/pay/${row.id}`)}>
                {t('topups.pay')}
              </Button>
            ) : (
              <Button type="link" size="small" onClick={() => onShow(row)}>
                {t('topups.view')}
              </Button>
            )}
            <Popconfirm title={t('topups.closeConfirm', { amount: yuan(row.amountFen) })} onConfirm={() => close.mutate(row.id)}>
              <Button type="link" size="small" danger>
                {t('topups.close')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];
  return (
    <Card title={t('topups.title')} data-testid="topups">
      <CursorTable<Topup> list={list} size="small" columns={columns} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
