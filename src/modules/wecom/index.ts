/**
 * The WeCom-compatible API (企业微信服务端 API): existing WeCom integrations work against Banyan by
 * changing only the base URL. A second adapter over the same commands as REST; it owns only its
 * tokens, the contacts-sync secret and the integer ids WeCom clients use.
 */
import { defineModule } from '../../platform/module.ts';
import { wecomRights } from './wecom.policy.ts';
import { wecomRoutes } from './wecom.routes.ts';
import * as wecomTables from './migrations/0190_wecom.ts';

export const wecomModule = defineModule({
  name: 'wecom',
  tables: { wecom_sync_secrets: 'tenant', wecom_tokens: 'tenant', wecom_member_attrs: 'tenant', wecom_department_ids: 'tenant', wecom_tag_ids: 'tenant' },
  migrations: { '0190_wecom': wecomTables },
  rights: wecomRights,
  routes: wecomRoutes,
});
