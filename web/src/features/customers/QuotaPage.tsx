import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { usePaymentConfirmation } from '../wallet/usePaymentConfirmation';
import { yuan } from './api';

/** 高级功能 → 外部联系人规模: the tier in force and the ladder, bought after a confirmation. */
export function QuotaPage() {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const confirmPayment = usePaymentConfirmation();
  const quota = useQuery({ queryKey: ['/customers/quota'], queryFn: () => api.get('/customers/quota') });
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/customer') });

  const buy = useMutation({
    mutationFn: (input: { size: number; quotedFen: number }) => api.post('/customers/quota/purchases', { body: { ...input, idempotencyKey: newIdempotencyKey() } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('customers.bought'));
    },
    onError: notifyError,
  });

  async function confirmBuy(size: number) {
    await confirmPayment({
      quote: async () => {
        const tier = await api.get('/customers/quota/quote', { params: { query: { size } } });
        return { quote: tier.quote, note: t('customers.quote', { price: yuan(tier.priceFen), kind: t(`customers.quoteKinds.${tier.kind}`), date: formatDate(tier.endsAt) }) };
      },
      pay: (quote) => buy.mutateAsync({ size, quotedFen: quote.totalFen }),
    });
  }

  const tier = quota.data?.tier;
  return (
    <>
      <PageHeader title={t('nav.quota')}>{t('customers.intro')}</PageHeader>
      <Flex vertical gap="middle">
        <Card title={t('customers.buyTitle')} loading={quota.isPending}>
          {quota.data && !quota.data.certified && <Alert type="warning" showIcon title={t('customers.uncertified')} style={{ marginBottom: 12 }} />}
          <div style={{ marginBottom: 12 }}>{tier ? t('customers.tierUntil', { size: tier.size.toLocaleString(), date: formatDate(tier.endsAt) }) : t('customers.free')}</div>
          <Flex wrap gap="small">
            {quota.data?.tiers.map((option) => (
              <Button key={option.size} disabled={tier !== null && tier !== undefined && option.size <= tier.size} onClick={() => void confirmBuy(option.size)}>
                {`${option.size.toLocaleString()} · ${yuan(option.priceFen)}${t('customers.perYear')}`}
              </Button>
            ))}
          </Flex>
        </Card>
      </Flex>
    </>
  );
}
