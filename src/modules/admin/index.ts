/**
 * 权限管理: the creator, super admins (internal and external), admin groups and hierarchical admins
 * with their rights. The module supplies the platform's policy with the enterprise's roles (`roles`)
 * and with how an account acts in an enterprise (`accountActor`); nobody else imports it for that.
 */
import { defineModule } from '../../platform/module.ts';
import { adminAuditNames } from './admin.audit.ts';
import { AdminErrors } from './admin.errors.ts';
import { adminRights } from './admin.policy.ts';
import { accountActor, adminSnapshot } from './admin.roles.ts';
import { adminRoutes } from './admin.routes.ts';
import { adminSubscribers } from './admin.subscribers.ts';
import { fillDemoAdmins } from './admin.demo.ts';
import * as superAdmins from './migrations/0003_admin.ts';
import * as roles from './migrations/0020_admin_roles.ts';

export const adminModule = defineModule({
  name: 'admin',
  tables: { super_admins: 'tenant', admin_groups: 'tenant', hierarchical_admins: 'tenant', admin_rights: 'tenant', admin_stamps: 'tenant' },
  migrations: { '0003_admin': superAdmins, '0020_admin_roles': roles },
  errors: AdminErrors,
  rights: adminRights,
  provides: { roles: adminSnapshot, accountActor },
  subscribers: adminSubscribers,
  auditNames: adminAuditNames,
  routes: adminRoutes,
  demo: fillDemoAdmins,
});

export { AdminErrors };
export { bumpAdminStamp, externalAdminCorpIds } from './admin.roles.ts';
