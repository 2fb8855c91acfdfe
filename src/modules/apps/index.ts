/** 应用管理: the system apps (审批, 打卡, 高级功能) and custom apps with their secrets, visible ranges and messages. */
import { defineModule } from '../../platform/module.ts';
import { appsAuditNames } from './apps.audit.ts';
import { AppErrors } from './apps.errors.ts';
import { AppEvents } from './apps.events.ts';
import { appRights } from './apps.policy.ts';
import { appRoutes } from './apps.routes.ts';
import * as appsTable from './migrations/0021_apps.ts';

export const appsModule = defineModule({
  name: 'apps',
  tables: { apps: 'tenant' },
  migrations: { '0021_apps': appsTable },
  errors: AppErrors,
  rights: appRights,
  events: AppEvents,
  auditNames: appsAuditNames,
  routes: appRoutes,
});

export { AppEvents };
/** The send and recall commands REST runs, for the WeCom API's message/send and message/recall. */
export { send as sendCommand, recall as recallCommand } from './apps.routes.ts';
export { SYSTEM_APPS, SYSTEM_APP_NAMES, allApps, appCredentials, appOfSecret, customAppNames, existingAppIds, type VisibleRange } from './apps.service.ts';
