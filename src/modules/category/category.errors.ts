import { defineErrors } from '../../platform/errors.ts';

export const CategoryErrors = defineErrors({
  'category.required': { status: 403, message: "Choose the enterprise's business category (经营类目) first; this is blocked until it is set." },
  'category.contact_admin': { status: 403, message: 'Only a super admin or the business owner can choose the business category; contact an admin (联系管理员).' },
  'category.unknown_code': { status: 400, message: 'There is no business category with this code.' },
  'category.not_under_review': { status: 409, message: 'This business category choice is not under review any more.' },
  'category.owner_not_member': { status: 400, message: 'The business owner must be an active member of the enterprise.' },
});
