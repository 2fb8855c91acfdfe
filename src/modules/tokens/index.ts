/** API 令牌: bearer tokens for integrations, bound to one enterprise and to the rights they were given. */
import { defineModule } from '../../platform/module.ts';
import { tokenRoutes } from './tokens.routes.ts';
import { tokenActor } from './tokens.service.ts';
import * as tokensTable from './migrations/0100_api_tokens.ts';

export const tokensModule = defineModule({
  name: 'tokens',
  tables: { api_tokens: 'tenant' },
  migrations: { '0100_api_tokens': tokensTable },
  rights: { 'tokens.manage': {} },
  provides: { tokenActor },
  routes: tokenRoutes,
});
