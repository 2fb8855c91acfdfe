import { inTransaction } from '../../platform/events.ts';
import { WalletEvents } from '../wallet/index.ts';
import { QUOTA_ITEM, grantPaidTier, withdrawRefundedTier } from './purchase.service.ts';

export const customerSubscribers = [
  inTransaction(WalletEvents['order.paid'], 'customers.grant-tier', async (ctx, order) => {
    if (order.item === QUOTA_ITEM) await grantPaidTier(ctx, order);
  }),
  inTransaction(WalletEvents['order.refunded'], 'customers.withdraw-tier', async (ctx, order) => {
    if (order.item === QUOTA_ITEM) await withdrawRefundedTier(ctx, order);
  }),
];
