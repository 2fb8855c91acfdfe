/** 获客助手: acquisition links, usage packs, auto-deduction per add, and authorising the assistant to others. */
import { defineModule } from '../../platform/module.ts';
import { acquisitionAuditNames } from './acquisition.audit.ts';
import { AcquisitionErrors } from './acquisition.errors.ts';
import { AcquisitionEvents } from './acquisition.events.ts';
import { acquisitionRights } from './acquisition.policy.ts';
import { acquisitionRoutes } from './acquisition.routes.ts';
import { acquisitionSubscribers } from './acquisition.subscribers.ts';
import { fillDemoAcquisition } from './acquisition.demo.ts';
import * as acquisitionTables from './migrations/0042_acquisition.ts';
import * as linkCodes from './migrations/0182_link_codes.ts';

export const acquisitionModule = defineModule({
  name: 'acquisition',
  tables: { acquisition_link_codes: 'reference', acquisition_links: 'tenant', acquisition_link_members: 'tenant', acquisition_packs: 'tenant', acquisition_adds: 'tenant', acquisition_authorizations: 'tenant' },
  migrations: { '0042_acquisition': acquisitionTables, '0182_link_codes': linkCodes },
  errors: AcquisitionErrors,
  events: AcquisitionEvents,
  rights: acquisitionRights,
  subscribers: acquisitionSubscribers,
  auditNames: acquisitionAuditNames,
  routes: acquisitionRoutes,
  demo: fillDemoAcquisition,
});

export { LINK_ADD_RATE, acquisitionCommands, linkUrl } from './acquisition.routes.ts';
export { AcquisitionEvents };
