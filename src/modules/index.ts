import type { ModuleManifest } from '../platform/module.ts';
import { platformManifest } from '../platform/manifest.ts';
import { accountModule } from './account/index.ts';
import { operatorModule } from './operator/index.ts';
import { corpModule } from './corp/index.ts';
import { directoryModule } from './directory/index.ts';
import { appsModule } from './apps/index.ts';
import { devicesModule } from './devices/index.ts';
import { adminModule } from './admin/index.ts';
import { tokensModule } from './tokens/index.ts';
import { auditModule } from './audit/index.ts';
import { sessionModule } from './session/index.ts';
import { invitationsModule } from './invitations/index.ts';
import { categoryModule } from './category/index.ts';
import { walletModule } from './wallet/index.ts';
import { certificationModule } from './certification/index.ts';
import { featuresModule } from './features/index.ts';
import { customersModule } from './customers/index.ts';
import { dataMigrationModule } from './datamigration/index.ts';
import { acquisitionModule } from './acquisition/index.ts';
import { approvalModule } from './approval/index.ts';
import { inboxModule } from './inbox/index.ts';
import { wecomModule } from './wecom/index.ts';
import { hooksModule } from './hooks/index.ts';
import { overviewModule } from './overview/index.ts';
import { ssoModule } from './sso/index.ts';
import { attendanceModule } from './attendance/index.ts';
import { recoveryModule } from './recovery/index.ts';
import { securityModule } from './security/index.ts';
import { docsModule } from './docs/index.ts';
import { filesModule } from './files/index.ts';
import { handoverModule } from './handover/index.ts';

/**
 * Every module of Banyan, in dependency order: a module may import (through its `index.ts`) only
 * the modules listed before it. The app, the migration runner and the demo read everything they
 * register from this list; the lint rule and the architecture test hold the code to it.
 */
export const modules: readonly ModuleManifest[] = [
  accountModule,
  operatorModule,
  corpModule,
  directoryModule,
  appsModule,
  devicesModule,
  adminModule,
  tokensModule,
  auditModule,
  sessionModule,
  invitationsModule,
  recoveryModule,
  ssoModule,
  categoryModule,
  walletModule,
  certificationModule,
  featuresModule,
  customersModule,
  dataMigrationModule,
  acquisitionModule,
  approvalModule,
  inboxModule,
  wecomModule,
  hooksModule,
  attendanceModule,
  securityModule,
  docsModule,
  filesModule,
  handoverModule,
  overviewModule,
];

/** The platform's own manifest first, then the modules: what the registry is built from. */
export const manifests: readonly ModuleManifest[] = [platformManifest, ...modules];
