/** 操作日志: the enterprise's audit log, written by every module through the platform's `audit`. */
import { defineModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule = defineModule({
  name: 'audit',
  tables: {},
  rights: { 'audit.read': { token: { zh: '读取操作日志', en: 'Read the audit log' } } },
  routes: auditRoutes,
});
