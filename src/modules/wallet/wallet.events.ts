import { Type } from 'typebox';
import { defineEvents, type PayloadOf } from '../../platform/events.ts';
import { MemberNotice } from '../../platform/notice.ts';

const Order = Type.Object({ id: Type.String(), item: Type.String(), quantity: Type.Integer(), amountFen: Type.Integer(), paidBy: Type.Union([Type.Literal('balance'), Type.Literal('channel')]) });

export const WalletEvents = defineEvents({
  /**
   * An order was paid. The module that owns the item grants it in the same transaction (features
   * seats, customer quota tiers, acquisition packs), so a failure to grant un-pays the order.
   */
  'order.paid': Order,
  /** A paid order was refunded to the balance; its owner takes the item back in the same transaction. */
  'order.refunded': Order,
  /** 余额预警: the balance is below the alert amount; one message per recipient per period (the inbox delivers). */
  'wallet.balance_low': MemberNotice,
});

export type PaidOrder = PayloadOf<(typeof WalletEvents)['order.paid']>;
