import { defineErrors } from '../../platform/errors.ts';

export const HandoverErrors = defineErrors({
  'handover.not_departed': { status: 409, message: 'Only the data of a departed member can be handed over; this member has not left.' },
  'handover.successor_not_member': { status: 400, message: 'The successor is not a member of this enterprise; details.field says which.' },
  'handover.successor_inactive': { status: 409, message: 'The successor must be an active member: this one is disabled or has left; details.status says which.' },
  'handover.nothing_pending': { status: 409, message: 'The departed member has no docs, customers or approvals to hand over.' },
  'handover.rule_member_missing': { status: 400, message: 'The rule hands over to a named member, but none is named.' },
});
