import { defineErrors } from '../../platform/errors.ts';

export const FeatureErrors = defineErrors({
  'features.super_admin_only': { status: 403, message: 'Only a super admin can buy advanced features; members and hierarchical admins cannot.' },
  'features.not_active': { status: 409, message: 'The advanced features are not bought or have lapsed.' },
  'features.no_free_seat': { status: 409, message: 'Every bought seat is in use; buy more seats or take one back.' },
  'features.seat_locked': { status: 409, message: 'A seat can only be taken back within 7 days of being given.' },
  'features.seats_below_used': { status: 409, message: 'A new purchase must have at least as many seats as are given to members.' },
  'features.not_assigned': { status: 404, message: 'This member has no seat of this feature.' },
});
