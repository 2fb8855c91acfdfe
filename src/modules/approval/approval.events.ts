import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

export const ApprovalEvents = defineEvents({
  /** A to-do, a CC, a result or a hand-over reminder for these members (the inbox delivers, once per key). */
  'approval.notified': Type.Object({ memberIds: Type.Array(Type.String()), title: Type.String(), body: Type.String(), link: Type.String(), dedupeKey: Type.String() }),
});
