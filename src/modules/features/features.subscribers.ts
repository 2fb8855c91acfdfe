import { afterCommit, inTransaction } from '../../platform/events.ts';
import { DirectoryEvents } from '../directory/index.ts';
import { WalletEvents } from '../wallet/index.ts';
import { freeSeatsOfMember, grantSeats } from './features.service.ts';

export const featureSubscribers = [
  // A paid security order gives its seats in the paying transaction: no seats, no payment.
  inTransaction(WalletEvents['order.paid'], 'features.grant-seats', async (ctx, order) => {
    if (order.item === 'security') await grantSeats(ctx, 'security', order);
  }),
  // 若已分配的高级功能使用人对应的成员离职，也会释放对应的高级功能使用人名额.
  afterCommit(DirectoryEvents['member.departed'], 'features.free-seat', (ctx, { memberId }) => freeSeatsOfMember(ctx, memberId)),
];
