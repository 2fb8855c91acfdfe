import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

export const CertificationEvents = defineEvents({
  /** A review result or an expiry warning for the enterprise's admins (the inbox delivers, once per key). */
  'certification.notified': Type.Object({ memberIds: Type.Array(Type.String()), title: Type.String(), body: Type.String(), link: Type.String(), dedupeKey: Type.String() }),
});
