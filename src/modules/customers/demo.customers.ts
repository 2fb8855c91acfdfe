import type { TxCtx } from '../../platform/context.ts';
import { DAY } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { addFriendship, ensureCustomer } from './customers.service.ts';
import { holdCustomer } from './quota.service.ts';

const NAMES = ['周先生', '吴女士', '郑总', '陈经理', '冯老师', '褚同学', '卫女士', '蒋先生', '沈总', '韩经理'];

/**
 * The demo's customer business: category chosen and approved (软件开发/运营), 40 customers of five
 * members (three one-way), a customer group, an acquisition link and a usage pack of 50 units.
 */
export async function addDemoCustomers(ctx: TxCtx): Promise<void> {
  const { trx, corpId, now } = ctx;
  await trx
    .insertInto('corp_categories')
    .values({ corp_id: corpId, code: '01-02', status: 'approved', chosen_by_name: '林森', chosen_at: now, reviewed_at: now, review_note: null, version: 1 })
    .execute();
  const members = await trx.selectFrom('members').select('id').where('corp_id', '=', corpId).where('status', '=', 'active').orderBy('userid').limit(5).execute();
  const customerIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const customerId = await ensureCustomer(ctx, { externalId: `wx-demo-${i}`, name: `${NAMES[i % NAMES.length]}${Math.floor(i / NAMES.length) || ''}` });
    customerIds.push(customerId);
    await addFriendship(ctx, { memberId: members[i % members.length]!.id, customerId, addedBack: i % 13 !== 5, source: 'manual' });
  }
  const groupId = newId('cgrp', now);
  await trx.insertInto('customer_groups').values({ corp_id: corpId, id: groupId, name: '产品交流群', owner_member_id: members[0]!.id, created_at: now, dissolved_at: null }).execute();
  for (const customerId of customerIds.slice(0, 10)) {
    await trx.insertInto('group_customers').values({ corp_id: corpId, group_id: groupId, customer_id: customerId, joined_at: now }).execute();
    await holdCustomer(ctx, customerId);
  }
  const linkId = newId('alink', now);
  await trx.insertInto('acquisition_links').values({ corp_id: corpId, id: linkId, code: 'demo-link-rongshu', name: '官网获客', created_by_name: '林森', created_at: now, deleted_at: null }).execute();
  await trx.insertInto('acquisition_link_members').values(members.slice(0, 2).map((m) => ({ corp_id: corpId, link_id: linkId, member_id: m.id }))).execute();
  await trx.insertInto('acquisition_packs').values({ corp_id: corpId, id: newId('apack', now), units: 50, remaining: 50, purchased_at: now, expires_at: now + 90 * DAY, order_id: null }).execute();
}
