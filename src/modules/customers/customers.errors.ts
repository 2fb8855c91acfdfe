import { defineErrors } from '../../platform/errors.ts';

export const CustomerErrors = defineErrors({
  'customers.quota_exceeded': { status: 409, message: 'The enterprise has reached its external-contact quota (外部联系人规模); buy a larger tier to add new customers.' },
  'customers.uncertified_limit': { status: 409, message: 'An uncertified enterprise can add at most 100 customers; certify the enterprise first.' },
  'customers.not_friend': { status: 404, message: 'This customer is not your friend.' },
  'customers.parents_education_only': { status: 409, message: 'Only a student has parents: link parents in an enterprise of the education or home–school industry.' },
  'customers.group_dissolved': { status: 409, message: 'This customer group has been dissolved.' },
  'customers.unknown_tier': { status: 400, message: 'There is no such tier; larger scales are arranged with the operator.' },
  'customers.quota_price_mismatch': { status: 409, message: 'This order does not carry the price of the tier now; buy the quota from the customers page, which prices upgrades for the days left.' },
  'customers.tier_not_higher': { status: 409, message: 'An upgrade must be to a larger tier than the current one.' },
});
