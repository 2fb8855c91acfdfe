/**
 * 安全管理: the policies of the security advanced feature (IP 访问限制, 明水印, 截屏/录屏管控,
 * 分享到外部管理, 设备管理, 文件防泄漏), enforced on the server while the enterprise's purchase is in force and kept
 * for a renewal when it lapses; clients fetch what they must obey and report what they saw.
 */
import { defineModule } from '../../platform/module.ts';
import { SecurityErrors } from './security.errors.ts';
import { securityRights } from './security.policy.ts';
import { securityRoutes } from './security.routes.ts';
import * as securityTables from './migrations/0240_security.ts';
import * as deviceTables from './migrations/0241_security_devices.ts';
import { deviceSignInGuard } from './devices.service.ts';
import { hiddenExportMarker } from './watermark.service.ts';

export const securityModule = defineModule({
  name: 'security',
  tables: { security_policies: 'tenant', security_violations: 'tenant', security_devices: 'tenant', security_device_sign_ins: 'tenant' },
  migrations: { '0240_security': securityTables, '0241_security_devices': deviceTables },
  signInGuards: [deviceSignInGuard],
  exportMarkers: [hiddenExportMarker],
  errors: SecurityErrors,
  rights: securityRights,
  routes: securityRoutes,
});

export { SecurityErrors };
/** The IP 访问限制 check a mail or drive route puts in its preHandler. */
export { ipGuard } from './security.routes.ts';
/** 文件防泄漏 for the file store: whether an upload becomes confidential, and what is enforced on confidential files. */
export { leakCovers, leakRules, type LeakRules } from './leak.service.ts';
