import { inTransaction } from '../../platform/events.ts';
import { WalletEvents } from '../wallet/index.ts';
import { ACQUISITION_ITEM, grantPack, withdrawPack } from './acquisition.service.ts';

export const acquisitionSubscribers = [
  inTransaction(WalletEvents['order.paid'], 'acquisition.grant-pack', async (ctx, order) => {
    if (order.item === ACQUISITION_ITEM) await grantPack(ctx, order);
  }),
  inTransaction(WalletEvents['order.refunded'], 'acquisition.withdraw-pack', async (ctx, order) => {
    if (order.item === ACQUISITION_ITEM) await withdrawPack(ctx, order);
  }),
];
