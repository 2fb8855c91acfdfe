import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';
import { MemberNotice } from '../../platform/notice.ts';

export const CertificationEvents = defineEvents({
  /**
   * An application proposes this certified subject, in the submitting transaction: a subscriber that
   * cannot allow the change (an open data migration) refuses it by throwing.
   */
  'certification.subject_proposed': Type.Object({ subjectName: Type.String() }),
  /** A review result or an expiry warning for the enterprise's admins (the inbox delivers, once per key). */
  'certification.notified': MemberNotice,
});
