import { defineErrors } from '../../platform/errors.ts';

export const SecurityErrors = defineErrors({
  'security.not_active': { status: 409, message: 'The security advanced feature is not bought or has lapsed; its settings are kept for a renewal.' },
  'security.invalid_range': { status: 400, message: 'An entry of the IP list is not an IPv4 or IPv6 address or range; details.entry says which.' },
  'security.host_bits': { status: 400, message: 'An IP range must be written with its host bits zero (for example 203.0.113.0/24); details.entry says which.' },
  'security.ip_refused': { status: 403, message: 'Your enterprise does not allow this service from your network address; details.address says which.' },
  'security.custom_text_docs_only': { status: 400, message: 'Custom text can be part of the watermark on docs only.' },
  'security.custom_text_missing': { status: 400, message: 'Custom text is chosen for the docs watermark but none is written.' },
  'security.device_unnamed': { status: 403, message: 'Your enterprise lets members sign in only from registered devices, and this client does not say which device it is.' },
  'security.device_pending': { status: 403, message: 'This device is new: an administrator of your enterprise must approve it before you can sign in from it.' },
  'security.device_refused': { status: 403, message: 'Your enterprise lets members sign in only from registered or approved devices; this device is not one.' },
  'security.device_revoked': { status: 403, message: 'An administrator revoked this device: it can no longer sign in to your enterprise.' },
  'security.device_not_found': { status: 404, message: 'The device does not exist in this enterprise.' },
  'security.device_exists': { status: 409, message: 'The member already has this device; approve it instead.' },
  'security.leak_prevention_off': { status: 400, message: 'Blocking external sharing (禁止分享到外部) can be turned on only while file leak prevention (文件防泄漏) is on.' },
  'security.image_too_large': { status: 413, message: 'The image to decode is larger than 20 MiB (details.limitBytes).' },
});
