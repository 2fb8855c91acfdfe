import { defineErrors } from '../../platform/errors.ts';

export const CorpErrors = defineErrors({
  'corp.creator_limit': { status: 409, message: 'An account can be the creator of at most 5 enterprises.' },
  'corp.not_member': { status: 403, message: 'You are not a member of this enterprise.' },
});
