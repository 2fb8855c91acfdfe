import type { Ctx } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { DemoState } from '../../platform/module.ts';
import { demoServers } from '../customers/index.ts';
import { tables } from './acquisition.tables.ts';
import { insertLink } from './acquisition.service.ts';

/** The demo's acquisition assistant: a link to two of the members who serve customers, and a usage pack of 50 units. */
export async function fillDemoAcquisition(ctx: Ctx, state: DemoState): Promise<void> {
  const { corpId, now } = ctx;
  const db = tables(ctx.trx);
  const linkId = newId('alink', now);
  await insertLink(ctx, { id: linkId, code: 'demo-link-rongshu', name: '官网获客', createdByName: '林森', memberIds: demoServers(state).slice(0, 2) });
  await db.insertInto('acquisition_packs').values({ corp_id: corpId, id: newId('apack', now), units: 50, remaining: 50, purchased_at: now, expires_at: now + 90 * DAY, order_id: null }).execute();
}
