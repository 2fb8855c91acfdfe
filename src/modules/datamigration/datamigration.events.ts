import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

export const DataMigrationEvents = defineEvents({
  /** A step of an application, for one of its two enterprises' admins (the inbox delivers, once per key). */
  'datamigration.notified': Type.Object({ memberIds: Type.Array(Type.String()), title: Type.String(), body: Type.String(), link: Type.String(), dedupeKey: Type.String() }),
});
