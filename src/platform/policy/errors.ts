import { defineErrors } from '../errors.ts';

/** Refusals that follow from who holds which role, whichever module's command meets them. */
export const PolicyErrors = defineErrors({
  'admin.creator_cannot_be_removed': { status: 409, message: 'The creator can be transferred but not removed.' },
});
