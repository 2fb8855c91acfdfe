import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { CustomerErrors } from './customers.errors.ts';
import { listFriends, oneWayTerm, type CustomerView } from './customers.service.ts';
import { tables, type ParentRelation } from './customers.tables.ts';

/**
 * 学员 (education edition): in an enterprise of the education or home–school industry a customer is a
 * student. Selecting one opens its profile, which lists its parents (家长): contacts linked to the
 * student, kept with it, taking no quota place of their own.
 */

export interface ParentView {
  id: string;
  name: string;
  relation: ParentRelation;
  phone: string | null;
  createdAt: string;
}

export interface CustomerProfile extends CustomerView {
  term: 'customer' | 'student';
  parents: ParentView[];
}

/** One of the signed-in member's customers (students), with its parents; another member's or enterprise's is not found. */
export async function customerProfile(ctx: ReadCtx, customerId: string): Promise<CustomerProfile> {
  const member = requireMember(ctx);
  const friend = (await listFriends(ctx.trx, ctx.corpId, member.id, { customerId, limit: 1 })).items[0];
  if (!friend) throw new DomainError(CustomerErrors['customers.not_friend'], { customerId });
  const parents = await tables(ctx.trx)
    .selectFrom('student_parents')
    .select(['id', 'name', 'relation', 'phone', 'created_at'])
    .where('corp_id', '=', ctx.corpId)
    .where('student_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { ...friend, term: await oneWayTerm(ctx.trx, ctx.corpId), parents: parents.map((p) => ({ id: p.id, name: p.name, relation: p.relation, phone: p.phone, createdAt: toIso(p.created_at) })) };
}

/** Links a parent to one of the member's students. Only students have parents: elsewhere refused. */
export async function addParent(ctx: Ctx, customerId: string, input: { name: string; relation: ParentRelation; phone?: string | undefined }): Promise<ParentView> {
  const profile = await customerProfile(ctx, customerId);
  if (profile.term !== 'student') throw new DomainError(CustomerErrors['customers.parents_education_only'], { customerId });
  const id = newId('spar', ctx.now);
  const phone = input.phone ?? null;
  await tables(ctx.trx).insertInto('student_parents').values({ corp_id: ctx.corpId, id, student_id: customerId, name: input.name, relation: input.relation, phone, created_at: ctx.now }).execute();
  await audit(ctx, { action: 'customers.parent_add', target: { type: 'customer', id: customerId }, after: { parentId: id, name: input.name, relation: input.relation } });
  return { id, name: input.name, relation: input.relation, phone, createdAt: toIso(ctx.now) };
}

/** Unlinks a parent from one of the member's students. */
export async function removeParent(ctx: Ctx, customerId: string, parentId: string): Promise<void> {
  await customerProfile(ctx, customerId);
  const gone = await tables(ctx.trx).deleteFrom('student_parents').where('corp_id', '=', ctx.corpId).where('student_id', '=', customerId).where('id', '=', parentId).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new DomainError('not_found', { parentId });
  await audit(ctx, { action: 'customers.parent_remove', target: { type: 'customer', id: customerId }, after: { parentId } });
}
