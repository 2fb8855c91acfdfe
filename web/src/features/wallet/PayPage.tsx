import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Result, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useWallet, walletKey, yuan } from './api';

/**
 * The payment page of an online channel: the QR code a phone would scan. Where the server says the
 * payment sandbox is on (`sandboxPayments`: started with --sandbox-payments, or the demo enterprise),
 * a button makes the sandbox send its signed callback, as the real channel would after the payer
 * confirms; elsewhere the page waits for the channel's callback, asking every few seconds.
 */
export function PayPage() {
  const { t } = useTranslation('wallet');
  const { topupId = '' } = useParams();
  const queryClient = useQueryClient();
  const topup = useQuery({
    queryKey: ['/wallet/topups', topupId],
    queryFn: () => api.get('/wallet/topups/{topupId}', { params: { path: { topupId } } }),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 3_000 : false),
  });
  // Only those who may see the wallet learn whether the sandbox is on; for anyone else it is off.
  const sandbox = useWallet().data?.sandboxPayments === true;
  const pay = useMutation({
    mutationFn: () => api.post('/wallet/topups/{topupId}/sandbox-pay', { params: { path: { topupId } } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/wallet/topups', topupId] });
      await queryClient.invalidateQueries({ queryKey: walletKey });
    },
  });
  const data = topup.data;
  return (
    <Card title={t('pay.title')} style={{ maxWidth: 480, margin: '0 auto' }}>
      <ErrorAlert error={topup.error ?? pay.error} />
      {data &&
        (data.status === 'paid' ? (
          <Result status="success" title={t('pay.paid')} subTitle={yuan(data.amountFen)} extra={<Link to="/wallet">{t('pay.back')}</Link>} />
        ) : data.status === 'closed' ? (
          <Result status="info" title={t('pay.closed')} subTitle={yuan(data.amountFen)} extra={<Link to="/wallet">{t('pay.back')}</Link>} />
        ) : (
          <Flex vertical align="center" gap="middle">
            <Typography.Text>{t(sandbox ? 'pay.hint' : 'pay.hintLive', { channel: t(`channels.${data.channel}`) })}</Typography.Text>
            <QRCodeSVG value={data.instructions.qrText ?? data.id} size={200} data-testid="pay-qr" />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {yuan(data.amountFen)}
            </Typography.Title>
            <Typography.Text type="secondary">{t('pay.pending')}</Typography.Text>
            {sandbox && (
              <Button type="primary" loading={pay.isPending} onClick={() => pay.mutate()}>
                {t('pay.sandboxPay')}
              </Button>
            )}
          </Flex>
        ))}
    </Card>
  );
}
