import { defineErrors } from '../../platform/errors.ts';

export const AdminErrors = defineErrors({
  'admin.creator_only': { status: 403, message: 'Only the creator can do this.' },
  'admin.transfer_target_invalid': { status: 422, message: 'The creator role can only go to another active member of the enterprise who has an account.' },
  'admin.not_a_member': { status: 422, message: 'An internal super admin or hierarchical admin must be an active member of the contacts.' },
  'admin.external_is_member': { status: 409, message: 'This account is a member of the enterprise; add it as an internal super admin instead.' },
  'admin.already_super_admin': { status: 409, message: 'The creator and super admins belong only to the super-admin group.' },
  'admin.not_hierarchical_admin': { status: 404, message: 'This member is not a hierarchical admin.' },
  'admin.already_hierarchical_admin': { status: 409, message: 'This member is already a hierarchical admin.' },
  'admin.not_in_group': { status: 403, message: 'Only a hierarchical admin in an admin group can give rights to other admins.' },
  'admin.exceeds_own_rights': { status: 403, message: 'You can only give rights you hold yourself.' },
  'admin.cannot_edit_self': { status: 403, message: 'You cannot change your own admin rights.' },
  'admin.group_not_found': { status: 404, message: 'The admin group does not exist.' },
  'admin.group_name_taken': { status: 409, message: 'An admin group with this name already exists.' },
  'admin.account_not_found': { status: 404, message: 'No account has this login name.' },
});
