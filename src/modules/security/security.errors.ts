import { defineErrors } from '../../platform/errors.ts';

export const SecurityErrors = defineErrors({
  'security.not_active': { status: 409, message: 'The security advanced feature is not bought or has lapsed; its settings are kept for a renewal.' },
  'security.invalid_range': { status: 400, message: 'An entry of the IP list is not an IPv4 or IPv6 address or range; details.entry says which.' },
  'security.host_bits': { status: 400, message: 'An IP range must be written with its host bits zero (for example 203.0.113.0/24); details.entry says which.' },
  'security.ip_refused': { status: 403, message: 'Your enterprise does not allow this service from your network address; details.address says which.' },
  'security.custom_text_docs_only': { status: 400, message: 'Custom text can be part of the watermark on docs only.' },
  'security.custom_text_missing': { status: 400, message: 'Custom text is chosen for the docs watermark but none is written.' },
});
