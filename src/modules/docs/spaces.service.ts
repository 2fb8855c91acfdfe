import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError, requireKnownIds } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { membersByIds } from '../directory/index.ts';
import { spaceRole } from './access.ts';
import { DocsErrors } from './docs.errors.ts';
import { tables, type SpaceRole } from './docs.tables.ts';

export interface SpaceView {
  id: string;
  kind: 'personal' | 'team';
  name: string;
  role: SpaceRole;
  createdAt: number;
}
export interface SpaceMember {
  memberId: string;
  role: SpaceRole;
}

/** The member's own space (我的空间), made the first time they need it. */
export async function ownSpace(ctx: Ctx): Promise<string> {
  const member = requireMember(ctx);
  const db = tables(ctx.trx);
  const found = await db.selectFrom('docs_spaces').select('id').where('corp_id', '=', ctx.corpId).where('owner_id', '=', member.id).executeTakeFirst();
  if (found) return found.id;
  const id = newId('spc', ctx.now);
  await db.insertInto('docs_spaces').values({ corp_id: ctx.corpId, id, kind: 'personal', name: '', owner_id: member.id, created_by: member.id, created_at: ctx.now }).execute();
  await db.insertInto('docs_space_members').values({ corp_id: ctx.corpId, space_id: id, member_id: member.id, role: 'manage' }).execute();
  return id;
}

/** The spaces the member is in, their own first, then team spaces by name. */
export async function mySpaces(ctx: Ctx): Promise<SpaceView[]> {
  const member = requireMember(ctx);
  await ownSpace(ctx);
  const rows = await tables(ctx.trx)
    .selectFrom('docs_space_members as m')
    .innerJoin('docs_spaces as s', (j) => j.onRef('s.corp_id', '=', 'm.corp_id').onRef('s.id', '=', 'm.space_id'))
    .select(['s.id', 's.kind', 's.name', 's.created_at', 'm.role'])
    .where('m.corp_id', '=', ctx.corpId)
    .where('m.member_id', '=', member.id)
    .execute();
  const views = rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, role: r.role, createdAt: Number(r.created_at) }));
  return views.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'personal' ? -1 : 1));
}

async function checkMembers(ctx: ReadCtx, members: readonly SpaceMember[]): Promise<void> {
  const ids = members.map((m) => m.memberId);
  requireKnownIds(ids, await membersByIds(ctx.trx, ctx.corpId, ids), '/members');
}

/** A team space: its creator manages it, with the members named. */
export async function createTeamSpace(ctx: Ctx, input: { name: string; members: SpaceMember[] }): Promise<SpaceView> {
  const member = requireMember(ctx);
  await checkMembers(ctx, input.members);
  const id = newId('spc', ctx.now);
  const db = tables(ctx.trx);
  await db.insertInto('docs_spaces').values({ corp_id: ctx.corpId, id, kind: 'team', name: input.name, owner_id: null, created_by: member.id, created_at: ctx.now }).execute();
  const roles = new Map(input.members.map((m) => [m.memberId, m.role]));
  roles.set(member.id, 'manage');
  await db.insertInto('docs_space_members').values([...roles].map(([memberId, role]) => ({ corp_id: ctx.corpId, space_id: id, member_id: memberId, role }))).execute();
  return { id, kind: 'team', name: input.name, role: 'manage', createdAt: ctx.now };
}

/** The space, when the member is in it (404 otherwise: a space outside is not theirs to learn of). */
export async function requireSpace(ctx: ReadCtx, spaceId: string): Promise<{ kind: 'personal' | 'team'; role: SpaceRole }> {
  const member = requireMember(ctx);
  const role = await spaceRole(ctx, spaceId, member.id);
  const space = await tables(ctx.trx).selectFrom('docs_spaces').select('kind').where('corp_id', '=', ctx.corpId).where('id', '=', spaceId).executeTakeFirst();
  if (!space || role === null) throw new DomainError('not_found', { spaceId });
  return { kind: space.kind, role };
}

export async function spaceMembers(ctx: ReadCtx, spaceId: string): Promise<(SpaceMember & { name: string })[]> {
  await requireSpace(ctx, spaceId);
  const rows = await tables(ctx.trx).selectFrom('docs_space_members').select(['member_id', 'role']).where('corp_id', '=', ctx.corpId).where('space_id', '=', spaceId).orderBy('member_id').execute();
  const names = await membersByIds(ctx.trx, ctx.corpId, rows.map((r) => r.member_id));
  return rows.map((r) => ({ memberId: r.member_id, role: r.role, name: names.get(r.member_id)?.name ?? '' }));
}

/** Replaces a team space's members (its managers only); it keeps at least one manager. */
export async function setSpaceMembers(ctx: Ctx, spaceId: string, members: SpaceMember[]): Promise<void> {
  const space = await requireSpace(ctx, spaceId);
  if (space.role !== 'manage') throw new DomainError('forbidden', { spaceId, role: space.role });
  if (space.kind === 'personal') throw new DomainError(DocsErrors['docs.personal_space']);
  if (!members.some((m) => m.role === 'manage')) throw new DomainError(DocsErrors['docs.last_manager']);
  await checkMembers(ctx, members);
  const db = tables(ctx.trx);
  await db.deleteFrom('docs_space_members').where('corp_id', '=', ctx.corpId).where('space_id', '=', spaceId).execute();
  const unique = new Map(members.map((m) => [m.memberId, m.role]));
  await db.insertInto('docs_space_members').values([...unique].map(([memberId, role]) => ({ corp_id: ctx.corpId, space_id: spaceId, member_id: memberId, role }))).execute();
}
