import { defineEvents } from '../../platform/events.ts';
import { MemberNotice } from '../../platform/notice.ts';

export const DataMigrationEvents = defineEvents({
  /** A step of an application, for one of its two enterprises' admins (the inbox delivers, once per key). */
  'datamigration.notified': MemberNotice,
});
