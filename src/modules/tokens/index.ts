/** API 令牌: bearer tokens for integrations, bound to one enterprise and to the rights they were given. */
import { defineModule } from '../../platform/module.ts';
import { tokensAuditNames } from './tokens.audit.ts';
import { tokenRoutes } from './tokens.routes.ts';
import { tokenActor } from './tokens.service.ts';
import * as tokensTable from './migrations/0100_api_tokens.ts';
import * as tokenRouteTable from './migrations/0181_token_routes.ts';

export const tokensModule = defineModule({
  name: 'tokens',
  tables: { api_tokens: 'tenant', api_token_routes: 'reference' },
  migrations: { '0100_api_tokens': tokensTable, '0181_token_routes': tokenRouteTable },
  rights: { 'tokens.manage': {} },
  provides: { tokenActor },
  auditNames: tokensAuditNames,
  routes: tokenRoutes,
});
