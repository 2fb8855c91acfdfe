import { defineErrors } from '../../platform/errors.ts';

export const DataMigrationErrors = defineErrors({
  'datamigration.not_certified': { status: 409, message: 'Both enterprises must be certified and within validity (参与迁移的企业均需要在认证有效期内).' },
  'datamigration.material_missing': { status: 400, message: 'A material this relationship requires is missing; details.material names it (one of details.oneOf).' },
  'datamigration.naming_field': { status: 409, message: 'The two short names (对外简称) must share a naming field, e.g. 唐云科技 / 唐云 (参与迁移企业微信对外简称含相同命名字段).' },
  'datamigration.not_same_name': { status: 409, message: 'For 同一企业全称 both enterprises must have the same full name.' },
  'datamigration.same_enterprise': { status: 400, message: 'The source and the target must be two different enterprises.' },
  'datamigration.not_admin_of_target': { status: 403, message: 'The applicant must be a super admin of both enterprises.' },
  'datamigration.already_open': { status: 409, message: 'One of the enterprises already takes part in an open migration.' },
  'datamigration.subject_locked': { status: 409, message: 'The certified subject cannot change while a data migration is open (不能在迁移期间变更认证主体).' },
  'datamigration.template_type': { status: 415, message: 'A template must be a PDF or Word (.docx) file.' },
  'datamigration.template_too_large': { status: 413, message: 'The file is too large: a template may be at most 5 MiB.' },
  'datamigration.not_finished': { status: 409, message: 'The migration can finish only when every customer has moved or its failure was given up; details give the pending and failed counts.' },
  'datamigration.nothing_failed': { status: 409, message: 'No customer failed to move: there is nothing to retry or give up.' },
  'datamigration.wrong_step': { status: 409, message: 'This step does not follow from the application’s current state; details.status says where it is.' },
});
