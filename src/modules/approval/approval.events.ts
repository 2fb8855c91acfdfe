import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

export const ApprovalEvents = defineEvents({
  /** A request moved (the callbacks' sys_approval_change): WeCom's StatuChangeEvent, 1 submitted, 2 agreed, 3 rejected, 4 transferred, 6 withdrawn. */
  'approval.changed': Type.Object({ instanceId: Type.String(), change: Type.Integer() }),
  /** A to-do, a CC, a result or a hand-over reminder for these members (the inbox delivers, once per key). */
  'approval.notified': Type.Object({ memberIds: Type.Array(Type.String()), title: Type.String(), body: Type.String(), link: Type.String(), dedupeKey: Type.String() }),
});
