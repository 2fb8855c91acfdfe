import { defineErrors } from '../../platform/errors.ts';

export const AcquisitionErrors = defineErrors({
  'acquisition.no_units': { status: 409, message: 'The enterprise has no acquisition units left and auto-deduction is off; the customer cannot add the member.' },
  'acquisition.link_unavailable': { status: 404, message: 'This acquisition link does not exist or was deleted.' },
  'acquisition.no_members': { status: 409, message: 'No member of this link can be added right now.' },
  'acquisition.members_invalid': { status: 400, message: 'Every member of a link must be an active member of the enterprise.' },
  'acquisition.pack_used': { status: 409, message: 'A usage pack some of whose units were used cannot be refunded.' },
});
