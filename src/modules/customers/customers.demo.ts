import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { DemoState } from '../../platform/module.ts';
import { directoryDemo } from '../directory/index.ts';
import { addFriendship, ensureCustomer } from './customers.service.ts';
import { holdCustomer } from './quota.service.ts';
import { tables } from './customers.tables.ts';

const NAMES = ['周先生', '吴女士', '郑总', '陈经理', '冯老师', '褚同学', '卫女士', '蒋先生', '沈总', '韩经理'];

/** The members who serve the demo's customers: the creator and the first four others. */
export function demoServers(state: DemoState): string[] {
  return [state.creator.memberId, ...directoryDemo(state).memberIds.slice(0, 4)];
}

/** The demo's customers: 40 customers of five members (three one-way) and a customer group of ten. */
export async function fillDemoCustomers(ctx: Ctx, state: DemoState): Promise<void> {
  const { trx, corpId, now } = ctx;
  const members = demoServers(state);
  const customerIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const customerId = await ensureCustomer(ctx, { externalId: `wx-demo-${i}`, name: `${NAMES[i % NAMES.length]}${Math.floor(i / NAMES.length) || ''}` });
    customerIds.push(customerId);
    await addFriendship(ctx, { memberId: members[i % members.length]!, customerId, addedBack: i % 13 !== 5, source: 'manual' });
  }
  const groupId = newId('cgrp', now);
  await tables(trx).insertInto('customer_groups').values({ corp_id: corpId, id: groupId, name: '产品交流群', owner_member_id: members[0]!, created_at: now, dissolved_at: null }).execute();
  for (const customerId of customerIds.slice(0, 10)) {
    await tables(trx).insertInto('group_customers').values({ corp_id: corpId, group_id: groupId, customer_id: customerId, joined_at: now }).execute();
    await holdCustomer(ctx, customerId);
  }
}
