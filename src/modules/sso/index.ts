/**
 * 单点登录: members sign in through the enterprise's own OpenID Connect provider (authorization
 * code + PKCE). A super admin configures it; the id token's claim names the member.
 */
import { defineModule } from '../../platform/module.ts';
import { SsoErrors } from './sso.errors.ts';
import { ssoRights } from './sso.policy.ts';
import { ssoRoutes } from './sso.routes.ts';
import * as ssoTables from './migrations/0143_sso.ts';

export const ssoModule = defineModule({
  name: 'sso',
  tables: { oidc_providers: 'tenant', oidc_logins: 'local' },
  migrations: { '0143_sso': ssoTables },
  errors: SsoErrors,
  rights: ssoRights,
  routes: ssoRoutes,
});

export { SsoErrors };
