import { defineErrors } from '../../platform/errors.ts';

export const CorpErrors = defineErrors({
  'corp.not_member': { status: 403, message: 'You are not a member of this enterprise.' },
});
