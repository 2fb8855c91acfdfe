/** 首页: the enterprise at a glance (members, departments, balance, approvals, customers, category, certification). Owns no table. */
import { defineModule } from '../../platform/module.ts';
import { overviewRoutes } from './overview.routes.ts';

export const overviewModule = defineModule({
  name: 'overview',
  tables: {},
  // Every member who opens the console sees it; the service leaves out what their rights do not show.
  rights: { 'overview.read': { member: true } },
  routes: overviewRoutes,
});
