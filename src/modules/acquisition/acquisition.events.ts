import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

/** What happens through 获客链接 (the callbacks' change_external_contact for link adds). */
export const AcquisitionEvents = defineEvents({
  /** A customer added a member through a link (one unit was used); the customer is the member's friend now. */
  'acquisition.customer_added': Type.Object({ linkId: Type.String({ description: 'an alink_ id' }), memberId: Type.String({ description: 'a mem_ id' }), customerId: Type.String({ description: 'a cus_ id' }) }),
});
