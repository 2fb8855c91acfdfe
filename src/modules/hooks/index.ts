/**
 * 回调: WeCom-style callbacks per app (接收消息: URL, Token, EncodingAESKey, verified by the GET
 * handshake) and their deliveries: encrypted XML events POSTed from the outbox after commit, at
 * least once with back-off, logged per attempt and replayable; and Banyan's own webhooks, the same
 * events as signed JSON per subscribed type, on the same deliveries. No module calls it; it listens.
 */
import { defineModule } from '../../platform/module.ts';
import { DELIVER_JOB, deliverJob } from './deliveries.service.ts';
import { HookErrors } from './hooks.errors.ts';
import { hookRoutes } from './hooks.routes.ts';
import { hookSubscribers } from './hooks.subscribers.ts';
import { hookRights } from './hooks.policy.ts';
import * as hooksTables from './migrations/0360_hooks.ts';
import * as webhookTables from './migrations/0361_hooks_webhooks.ts';

export const hooksModule = defineModule({
  name: 'hooks',
  tables: { hooks_callbacks: 'tenant', hooks_webhooks: 'tenant', hooks_deliveries: 'tenant', hooks_attempts: 'tenant' },
  migrations: { '0360_hooks': hooksTables, '0361_hooks_webhooks': webhookTables },
  rights: hookRights,
  errors: HookErrors,
  subscribers: hookSubscribers,
  jobs: [{ kind: DELIVER_JOB, run: deliverJob }],
  routes: hookRoutes,
});
