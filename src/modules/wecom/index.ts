/**
 * The WeCom-compatible API (企业微信服务端 API): existing WeCom integrations work against Banyan by
 * changing only the base URL. A second adapter over the same commands as REST; it owns only its
 * tokens, the contacts-sync secret and the integer ids WeCom clients use.
 */
import { defineModule } from '../../platform/module.ts';
import { wecomRights } from './wecom.policy.ts';
import { wecomRoutes } from './wecom.routes.ts';
import * as wecomTables from './migrations/0190_wecom.ts';
import * as agentIds from './migrations/0191_wecom_agent_ids.ts';
import * as tokenRoutes from './migrations/0192_wecom_token_routes.ts';

export const wecomModule = defineModule({
  name: 'wecom',
  tables: { wecom_sync_secrets: 'tenant', wecom_tokens: 'tenant', wecom_member_attrs: 'tenant', wecom_department_ids: 'tenant', wecom_tag_ids: 'tenant', wecom_app_ids: 'tenant', wecom_token_routes: 'reference' },
  migrations: { '0190_wecom': wecomTables, '0191_wecom_agent_ids': agentIds, '0192_wecom_token_routes': tokenRoutes },
  rights: wecomRights,
  routes: wecomRoutes,
});

/** What the callbacks (hooks module) name the way WeCom does: a member's `status`, the integer ids of departments and apps, a request's progress. */
export { statusOf as wecomStatus } from './contacts.wecom.ts';
export { wecomIdsIn } from './ids.service.ts';
export { approvalProgress } from './oa.wecom.ts';
