import { defineErrors } from '../../platform/errors.ts';

export const AccountErrors = defineErrors({
  'auth.invalid_credentials': { status: 401, message: 'The login or the password is wrong.' },
  'account.login_taken': { status: 409, message: 'This login name or phone number is already registered.' },
  'account.wrong_password': { status: 400, message: 'The current password is wrong.' },
  'corp.creator_limit': { status: 409, message: 'An account can be the creator of at most 5 enterprises.' },
});
