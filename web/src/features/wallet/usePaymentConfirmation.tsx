import { Alert, App, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../api';
import { formatDate } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useItemName, yuan } from './api';

/** A server quote (`PriceQuoteDto`): item, quantity, unit price, total, validity and the balance after. */
export type PriceQuote = Reply<'/acquisition/packs/quote'>;

export interface PaidAction {
  /** Asks the server what the action will charge now, with a line of the seller's own under the amounts (购买后暂不支持退款, 新购/增购…). */
  quote: () => Promise<{ quote: PriceQuote; note?: string }>;
  /** Runs the action at the quoted price (the server refuses it when the price changed since); reports its own errors, as a mutation's onError does. */
  pay: (quote: PriceQuote) => Promise<unknown>;
  /** Auto-deduction charges the unit price on every use rather than once. */
  perUse?: boolean;
}

/**
 * The one confirmation before money moves: every action that spends the balance or starts a paid
 * service fetches the server's quote, shows it, and pays only on 确认支付 (never on the first click).
 * With too little balance the confirm button stays disabled.
 */
export function usePaymentConfirmation(): (action: PaidAction) => Promise<void> {
  const { t } = useTranslation('wallet');
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const itemName = useItemName();
  return async (action) => {
    let quoted: Awaited<ReturnType<PaidAction['quote']>>;
    try {
      quoted = await action.quote();
    } catch (error) {
      notifyError(error);
      return;
    }
    const { quote, note } = quoted;
    const short = quote.balanceAfterFen < 0;
    modal.confirm({
      title: t('payment.title'),
      width: 480,
      okText: t('payment.confirm'),
      okButtonProps: { disabled: short },
      content: (
        <div data-testid="payment-quote">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'item', label: t('payment.item'), children: itemName(quote.item) },
              { key: 'quantity', label: t('payment.quantity'), children: quote.quantity.toLocaleString('en-US') },
              { key: 'unit', label: t('payment.unitPrice'), children: yuan(quote.unitFen) },
              { key: 'total', label: t('payment.total'), children: <span data-testid="quote-total">{action.perUse ? t('payment.perUse', { price: yuan(quote.totalFen) }) : yuan(quote.totalFen)}</span> },
              ...(quote.validUntil || action.perUse ? [{ key: 'valid', label: t('payment.validUntil'), children: quote.validUntil ? formatDate(quote.validUntil) : t('payment.untilOff') }] : []),
              { key: 'balance', label: t('payment.balance'), children: yuan(quote.balanceFen) },
              { key: 'after', label: t('payment.balanceAfter'), children: <span data-testid="quote-balance-after">{yuan(quote.balanceAfterFen)}</span> },
            ]}
          />
          {note && <Alert type="info" showIcon title={note} style={{ marginTop: 8 }} />}
          {short && <Alert type="error" showIcon title={t('payment.insufficient')} style={{ marginTop: 8 }} />}
        </div>
      ),
      // The dialog closes either way; a refusal (a changed price, too little balance) is shown by `pay`.
      onOk: () => action.pay(quote).catch(() => undefined),
    });
  };
}
