import { defineErrors } from '../errors.ts';

/** Refusals that follow from who holds which role, whichever module's command meets them. */
export const PolicyErrors = defineErrors({
  'admin.creator_cannot_be_removed': { status: 409, message: 'The creator can be transferred but not removed.' },
  'admin.target_super_admin': { status: 403, message: "A hierarchical admin cannot depart, delete, disable or edit a super admin's or the creator's member record." },
  'admin.target_wider_admin': { status: 403, message: "A hierarchical admin cannot depart, delete, disable or edit the member record of an admin holding rights it does not hold itself." },
});
