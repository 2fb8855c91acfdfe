import { defineErrors } from '../../platform/errors.ts';

/** Each refusal of a reset link is one sentence the person opening it can act on. */
export const RecoveryErrors = defineErrors({
  'password_reset.invalid': { status: 404, message: 'This password reset link is not valid; ask for a new one.' },
  'password_reset.used': { status: 410, message: 'This password reset link has already been used; sign in, or ask for a new one.' },
  'password_reset.expired': { status: 410, message: 'This password reset link has expired; ask for a new one.' },
  'password_reset.not_activated': { status: 409, message: 'The member has no login yet; invite them instead.' },
  'password_reset.creator_only': { status: 403, message: 'Only the creator can do this to the creator’s login.' },
});
