import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';
import { MemberNotice } from '../../platform/notice.ts';

export const ApprovalEvents = defineEvents({
  /** A request moved (the callbacks' sys_approval_change): WeCom's StatuChangeEvent, 1 submitted, 2 agreed, 3 rejected, 4 transferred, 6 withdrawn. */
  'approval.changed': Type.Object({ instanceId: Type.String(), change: Type.Integer() }),
  /**
   * A request of a built-in template (`kind`, owned by another module) ended: approved, rejected or
   * withdrawn. Delivered after commit, at least once: the owner applies it once per `instanceId`.
   */
  'approval.builtin_decided': Type.Object({
    instanceId: Type.String(),
    kind: Type.String(),
    applicantId: Type.String(),
    status: Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('withdrawn')]),
  }),
  /** A to-do, a CC, a result or a hand-over reminder for these members (the inbox delivers, once per key). */
  'approval.notified': MemberNotice,
});
