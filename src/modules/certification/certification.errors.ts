import { defineErrors } from '../../platform/errors.ts';

export const CertificationErrors = defineErrors({
  'certification.subject_mismatch': { status: 400, message: 'The certified subject must be exactly the name on the business licence (认证主体需与营业执照名称保持一致).' },
  'certification.file_unknown': { status: 400, message: 'No file with this id was uploaded by this enterprise; upload it first.' },
  'certification.file_too_large': { status: 413, message: 'The file is too large: a scan may be at most 5 MiB.' },
  'certification.file_type': { status: 415, message: 'A scan must be a JPEG, PNG or PDF file.' },
  'certification.under_review': { status: 409, message: 'An application is already under review; wait for its result.' },
  'certification.not_under_review': { status: 409, message: 'This application is not under review any more.' },
  'certification.validity_in_past': { status: 400, message: 'The validity must end after now.' },
});
