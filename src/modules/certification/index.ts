/**
 * 企业认证: a super admin's application (subject = licence name, the licence scan, a contact, the
 * review fee from the wallet), the operator's review (a validity, or a reason), and the warnings 30,
 * 7 and 1 days before the certification ends. The state itself (certified until) is the corp's.
 */
import { defineModule } from '../../platform/module.ts';
import { CertificationErrors } from './certification.errors.ts';
import { CertificationEvents } from './certification.events.ts';
import { certificationRights } from './certification.policy.ts';
import { certificationRoutes } from './certification.routes.ts';
import { WARNING_JOB, runWarnings } from './certification.service.ts';
import * as certificationTables from './migrations/0321_certification.ts';

export const certificationModule = defineModule({
  name: 'certification',
  tables: { certification_files: 'tenant', certification_applications: 'tenant', certification_warnings: 'tenant' },
  migrations: { '0321_certification': certificationTables },
  errors: CertificationErrors,
  rights: certificationRights,
  events: CertificationEvents,
  // Every ten minutes: a warning goes out within ten minutes of its 30, 7 or 1 days; the table keeps it to one each.
  jobs: [{ kind: WARNING_JOB, schedule: '*/10 * * * *', run: async (_job, ctx) => ({ sent: await runWarnings(ctx) }) }],
  routes: certificationRoutes,
});

export { CertificationErrors, CertificationEvents };
export { SCAN_LIMIT, assertScans, fileStore, scansOf, type FileStore, type ScanView } from './files.ts';
export { FileId, ScanDto } from './certification.schema.ts';
