import type { Ctx } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { DemoState } from '../../platform/module.ts';
import { demoServers } from '../customers/index.ts';
import { tables } from './acquisition.tables.ts';

/** The demo's acquisition assistant: a link to two of the members who serve customers, and a usage pack of 50 units. */
export async function fillDemoAcquisition(ctx: Ctx, state: DemoState): Promise<void> {
  const { corpId, now } = ctx;
  const db = tables(ctx.trx);
  const linkId = newId('alink', now);
  await db.insertInto('acquisition_links').values({ corp_id: corpId, id: linkId, code: 'demo-link-rongshu', name: '官网获客', created_by_name: '林森', created_at: now, deleted_at: null }).execute();
  await db.insertInto('acquisition_link_members').values(demoServers(state).slice(0, 2).map((memberId) => ({ corp_id: corpId, link_id: linkId, member_id: memberId }))).execute();
  await db.insertInto('acquisition_packs').values({ corp_id: corpId, id: newId('apack', now), units: 50, remaining: 50, purchased_at: now, expires_at: now + 90 * DAY, order_id: null }).execute();
}
