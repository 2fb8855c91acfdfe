import type { Executor } from '../../platform/db/tables.ts';
import { tables } from './hooks.tables.ts';

/** Where a webhook's deliveries go and what signs them; undefined once it is deleted. A disabled webhook still gets what was queued before. */
export async function webhookTarget(db: Executor, corpId: string, webhookId: string): Promise<{ url: string; secret: string } | undefined> {
  return tables(db).selectFrom('hooks_webhooks').select(['url', 'secret']).where('corp_id', '=', corpId).where('id', '=', webhookId).executeTakeFirst();
}
