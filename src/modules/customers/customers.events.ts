import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

const Pair = { memberId: Type.String({ description: 'a mem_ id' }), customerId: Type.String({ description: 'a cus_ id' }) };

/** What happens between members and their customers (the callbacks' change_external_contact). */
export const CustomerEvents = defineEvents({
  /** The member added the customer; `oneWay` when the customer has not added the member back (add_half_external_contact). */
  'customer.added': Type.Object({ ...Pair, oneWay: Type.Boolean() }),
  /** The member deleted the customer (del_external_contact). */
  'customer.deleted': Type.Object(Pair),
  /** The customer deleted the member (del_follow_user); the member keeps a one-way relation. */
  'customer.member_deleted': Type.Object(Pair),
});
