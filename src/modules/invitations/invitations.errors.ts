import { defineErrors } from '../../platform/errors.ts';

/** Each refusal of a link is one sentence the person opening it can act on. */
export const InvitationErrors = defineErrors({
  'invitation.invalid': { status: 404, message: 'This invitation link is not valid; ask your admin for a new one.' },
  'invitation.used': { status: 410, message: 'This invitation link has already been used; sign in instead.' },
  'invitation.expired': { status: 410, message: 'This invitation link has expired; ask your admin to invite you again.' },
  'invitation.revoked': { status: 410, message: 'This invitation link was withdrawn by your admin; ask for a new one.' },
  'invitation.none_pending': { status: 404, message: 'The member has no invitation waiting to be used.' },
  'join.link_invalid': { status: 404, message: 'This join link is no longer valid; ask the enterprise for its current link.' },
  'join.link_off': { status: 409, message: 'Turn on joining by link first.' },
  'join.request_not_found': { status: 404, message: 'The join request does not exist.' },
  'join.request_decided': { status: 409, message: 'The join request has already been approved or rejected.' },
});
