import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Statistic, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { walletKey, useWallet, yuan } from './api';
import { usePaymentConfirmation } from './usePaymentConfirmation';
import { AlertModal } from './AlertModal';
import { LedgerCard } from './LedgerCard';
import { RulesCard } from './RulesCard';
import { TopupModal } from './TopupModal';

/** 企业充值: available balance and top-up, balance alert, spending rules, auto-deduction, fund ledger. */
export function WalletPage() {
  const { t } = useTranslation('wallet');
  const wallet = useWallet();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const [toppingUp, setToppingUp] = useState(false);
  const [editingAlert, setEditingAlert] = useState(false);
  const confirmPayment = usePaymentConfirmation();
  const autoDeductPath = { path: { item: 'acquisition' } };
  const autoDeduct = useMutation({
    mutationFn: (body: { enabled: boolean; quotedFen?: number }) => api.put('/wallet/auto-deduction/{item}', { params: autoDeductPath, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: walletKey }),
    onError: notifyError,
  });
  const w = wallet.data;
  return (
    <>
      <PageHeader title={t('nav')} />
      <ErrorAlert error={wallet.error} />
      {w && (
        <Flex vertical gap="middle">
          <Row gutter={16}>
            <Col span={8}>
              <Card>
                <Statistic title={t('balance')} value={yuan(w.balanceFen)} valueStyle={{ fontSize: 32 }} data-testid="balance" />
                <Button type="primary" style={{ marginTop: 16 }} disabled={!w.mayTopUp} onClick={() => setToppingUp(true)}>
                  {t('topUp')}
                </Button>
              </Card>
            </Col>
            <Col span={8}>
              <Card title={t('alert.title')} extra={<Button type="link" onClick={() => setEditingAlert(true)}>{t('alert.edit')}</Button>}>
                <Typography.Text data-testid="alert-summary">
                  {w.alert.enabled ? t('alert.summary', { amount: w.alert.amountYuan, frequency: t(`alert.frequencies.${w.alert.frequency}`) }) : t('alert.off')}
                </Typography.Text>
              </Card>
            </Col>
            <Col span={8}>
              <Card title={t('autoDeduct.title')}>
                <Flex gap="small" align="center">
                  <Switch checked={w.autoDeduct.acquisition} disabled={!w.autoDeduct.offered} loading={autoDeduct.isPending} onChange={(on) =>
                      on
                        ? void confirmPayment({
                            perUse: true,
                            quote: async () => ({ quote: await api.get('/wallet/auto-deduction/{item}/quote', { params: autoDeductPath }) }),
                            pay: (quote) => autoDeduct.mutateAsync({ enabled: true, quotedFen: quote.totalFen }),
                          })
                        : autoDeduct.mutate({ enabled: false })
                    }
                  />
                  <span>{t('autoDeduct.acquisition')}</span>
                </Flex>
                {!w.autoDeduct.offered && <Typography.Text type="secondary">{t('autoDeduct.notOffered')}</Typography.Text>}
              </Card>
            </Col>
          </Row>
          <RulesCard />
          <LedgerCard />
          <TopupModal open={toppingUp} onClose={() => setToppingUp(false)} />
          <AlertModal open={editingAlert} alert={w.alert} onClose={() => setEditingAlert(false)} />
        </Flex>
      )}
    </>
  );
}
