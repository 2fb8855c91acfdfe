import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';
import { walletKey, useWallet, yuan, type AlertSettings, type Topup } from './api';
import { usePaymentConfirmation } from './usePaymentConfirmation';
import { AlertModal } from './AlertModal';
import { LedgerCard } from './LedgerCard';
import { RulesCard } from './RulesCard';
import { TopupModal } from './TopupModal';
import { TopupsCard } from './TopupsCard';

/**
 * 企业充值: available balance and top-up, then the seed's three boxes side by side (余额预警, 余额使用管理,
 * 自动扣款管理; stacked on a phone), then the top-ups (pending and past) and the fund ledger.
 */
export function WalletPage() {
  const { t } = useTranslation('wallet');
  const wallet = useWallet();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const [toppingUp, setToppingUp] = useState(false);
  const [shownTopup, setShownTopup] = useState<Topup | null>(null);
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
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={6}>
              <Card>
                <Statistic title={t('balance')} value={yuan(w.balanceFen)} valueStyle={{ fontSize: 32 }} data-testid="balance" />
                <Button type="primary" style={{ marginTop: 16 }} disabled={!w.mayTopUp} onClick={() => setToppingUp(true)}>
                  {t('topUp')}
                </Button>
              </Card>
            </Col>
            <Col xs={24} md={8} xl={6}>
              <Card title={t('alert.title')} extra={<Button type="link" onClick={() => setEditingAlert(true)}>{t('alert.edit')}</Button>}>
                <AlertSummary alert={w.alert} balanceFen={w.balanceFen} />
              </Card>
            </Col>
            <Col xs={24} md={8} xl={6}>
              <RulesCard />
            </Col>
            <Col xs={24} md={8} xl={6}>
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
          <TopupsCard mayTopUp={w.mayTopUp} onShow={setShownTopup} />
          <LedgerCard />
          <TopupModal open={toppingUp || shownTopup !== null} shown={shownTopup} onClose={() => { setToppingUp(false); setShownTopup(null); }} />
          <AlertModal open={editingAlert} alert={w.alert} onClose={() => setEditingAlert(false)} />
        </Flex>
      )}
    </>
  );
}

/** 余额低于 ¥30,000.00 时按周提醒 · 通知 张三, and a warning when the balance is already below. */
function AlertSummary({ alert, balanceFen }: { alert: AlertSettings; balanceFen: number }) {
  const { t } = useTranslation('wallet');
  const members = useActiveMembers();
  if (!alert.enabled) return <Typography.Text data-testid="alert-summary">{t('alert.off')}</Typography.Text>;
  const names = new Map((members.data ?? []).map((m) => [m.value, m.label]));
  const { memberIds, departmentIds, tagIds } = alert.recipients;
  const recipients = [
    ...memberIds.map((id) => names.get(id)).filter((name) => name !== undefined),
    ...(departmentIds.length > 0 ? [t('alert.departmentCount', { count: departmentIds.length })] : []),
    ...(tagIds.length > 0 ? [t('alert.tagCount', { count: tagIds.length })] : []),
  ];
  const summary = t('alert.summary', { amount: yuan(alert.amountYuan * 100), frequency: t(`alert.frequencies.${alert.frequency}`) });
  return (
    <Flex vertical gap="small">
      <Typography.Text data-testid="alert-summary">{recipients.length > 0 ? `${summary} · ${t('alert.notify', { names: recipients.join(t('alert.separator')) })}` : summary}</Typography.Text>
      {balanceFen < alert.amountYuan * 100 && <Alert type="warning" showIcon message={t('alert.below')} data-testid="alert-below" />}
    </Flex>
  );
}
