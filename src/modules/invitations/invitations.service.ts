import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { DAY, toIso } from '../../platform/clock.ts';
import { flag, type Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getAccount, type AccountView } from '../account/index.ts';
import { getCorp, type CorpLanguage } from '../corp/index.ts';
import { DirectoryErrors, activateMember, currentMemberOfAccount, departmentName, departmentToJoin, departmentsForActor, joinMember, memberBrief, memberToInvite, type InviteTarget } from '../directory/index.ts';
import { InvitationErrors } from './invitations.errors.ts';
import { tables, type InvitationsTables } from './invitations.tables.ts';
import { newLinkToken, parseLinkToken, secretMatches } from '../../platform/auth/links.ts';

/** 邀请链接 7 天内有效: an invitation expires 7 days after it was made, at that exact instant. */
export const INVITATION_TTL_MS = 7 * DAY;

export type InvitationStatus = 'pending' | 'used' | 'expired' | 'revoked';

export interface InvitationView {
  id: string;
  memberId: string;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
}

type InvitationRow = InvitationsTables['member_invitations'];

function statusOf(row: InvitationRow, now: number): InvitationStatus {
  if (row.used_at !== null) return 'used';
  if (row.revoked_at !== null) return 'revoked';
  return now >= row.expires_at ? 'expired' : 'pending';
}

function toView(row: InvitationRow, now: number): InvitationView {
  return { id: row.id, memberId: row.member_id, status: statusOf(row, now), createdAt: toIso(row.created_at), expiresAt: toIso(row.expires_at) };
}

/** What a link is sent with: the words of the mail and where it goes. Never logged whole. */
export interface IssuedLink {
  token: string;
  secret: string;
  expiresAt: number;
}

export interface CreatedInvitation {
  invitation: InvitationView;
  link: IssuedLink;
  member: InviteTarget;
  corp: { name: string; language: CorpLanguage };
}

async function voidPending(ctx: Ctx, memberId: string): Promise<number> {
  const result = await tables(ctx.trx)
    .updateTable('member_invitations')
    .set({ revoked_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('member_id', '=', memberId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** 邀请 / 重新邀请: a one-time link bound to the member; a new one voids any earlier one. */
export async function createInvitation(ctx: Ctx, memberId: string): Promise<CreatedInvitation> {
  const member = await memberToInvite(ctx, memberId);
  const replaced = await voidPending(ctx, memberId);
  const id = newId('inv', ctx.now);
  const link = newLinkToken(ctx.corpId, id);
  const row: InvitationRow = { corp_id: ctx.corpId, id, member_id: memberId, secret_hash: link.hash, created_by: ctx.actor.id, created_at: ctx.now, expires_at: ctx.now + INVITATION_TTL_MS, used_at: null, revoked_at: null };
  await tables(ctx.trx).insertInto('member_invitations').values(row).execute();
  await audit(ctx, { action: replaced > 0 ? 'contacts.invitation.resend' : 'contacts.invitation.create', target: { type: 'member', id: memberId }, after: { invitationId: id, expiresAt: toIso(row.expires_at) } });
  const corp = await getCorp(ctx.trx, ctx.corpId);
  return { invitation: toView(row, ctx.now), link: { token: link.token, secret: link.secret, expiresAt: row.expires_at }, member, corp: { name: corp.name, language: corp.language } };
}

/** 撤销邀请: the member's waiting link stops working. */
export async function revokeInvitation(ctx: Ctx, memberId: string): Promise<void> {
  await memberToInvite(ctx, memberId);
  if ((await voidPending(ctx, memberId)) === 0) throw new DomainError(InvitationErrors['invitation.none_pending'], { memberId });
  await audit(ctx, { action: 'contacts.invitation.revoke', target: { type: 'member', id: memberId } });
}

/** The member's latest invitation (without its link, which only its creation showed). */
export async function latestInvitation(ctx: ReadCtx, memberId: string): Promise<InvitationView | null> {
  if (!(await memberBrief(ctx.trx, ctx.corpId, memberId))) throw new DomainError(DirectoryErrors['directory.member_not_found'], { memberId });
  const row = await tables(ctx.trx).selectFrom('member_invitations').selectAll().where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row ? toView(row, ctx.now) : null;
}

/** The invitation a token names, if its secret is right; refused in one sentence otherwise. */
async function usableInvitation(db: Executor, now: number, token: string): Promise<InvitationRow> {
  const parsed = parseLinkToken(token);
  const row = parsed && (await tables(db).selectFrom('member_invitations').selectAll().where('corp_id', '=', parsed.corpId).where('id', '=', parsed.id).executeTakeFirst());
  if (!parsed || !row || !secretMatches(parsed.secret, row.secret_hash)) throw new DomainError(InvitationErrors['invitation.invalid']);
  const status = statusOf(row, now);
  if (status !== 'pending') throw new DomainError(InvitationErrors[`invitation.${status}`]);
  return row;
}

/** What the activation page shows before the person signs up or in. */
export async function previewInvitation(db: Executor, now: number, token: string): Promise<{ corpName: string; memberName: string; expiresAt: string }> {
  const row = await usableInvitation(db, now, token);
  const member = await memberBrief(db, row.corp_id, row.member_id);
  if (!member || member.status === 'departed') throw new DomainError(DirectoryErrors['directory.member_departed'], { memberId: row.member_id });
  return { corpName: (await getCorp(db, row.corp_id)).name, memberName: member.name, expiresAt: toIso(row.expires_at) };
}

/** A public request's context: no enterprise actor yet, only the account that opened the link. */
export type PublicCtx = Omit<Ctx, 'corpId' | 'actor'>;

/** 激活: the account takes the member the invitation is bound to; the link is spent. Returns the enterprise. */
export async function acceptInvitation(base: PublicCtx, token: string, account: AccountView): Promise<string> {
  const row = await usableInvitation(base.trx, base.now, token);
  const member = await memberBrief(base.trx, row.corp_id, row.member_id);
  const ctx: Ctx = { ...base, corpId: row.corp_id, actor: { kind: 'member', id: row.member_id, name: member?.name ?? account.name, accountId: account.id } };
  const spent = await tables(ctx.trx)
    .updateTable('member_invitations')
    .set({ used_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) === 0) throw new DomainError(InvitationErrors['invitation.used']);
  await activateMember(ctx, row.member_id, account.id);
  return ctx.corpId;
}

// ---------------------------------------------------------------------------------------------
// 邀请成员加入: the enterprise's link
// ---------------------------------------------------------------------------------------------

export interface JoinLinkView {
  enabled: boolean;
  review: boolean;
  departmentId: string | null;
  departmentName: string | null;
  /** When the current link was made; the link itself is shown only then. */
  rotatedAt: string | null;
}

type JoinLinkRow = InvitationsTables['join_links'];

async function joinLinkRow(db: Executor, corpId: string): Promise<JoinLinkRow | undefined> {
  return tables(db).selectFrom('join_links').selectAll().where('corp_id', '=', corpId).executeTakeFirst();
}

async function joinLinkView(ctx: Pick<ReadCtx, 'corpId' | 'trx'>, row: JoinLinkRow | undefined): Promise<JoinLinkView> {
  if (!row) return { enabled: false, review: false, departmentId: null, departmentName: null, rotatedAt: null };
  return { enabled: row.enabled === 1, review: row.review === 1, departmentId: row.department_id, departmentName: (await departmentName(ctx, row.department_id)) ?? null, rotatedAt: toIso(row.rotated_at) };
}

export async function getJoinLink(ctx: ReadCtx): Promise<JoinLinkView> {
  return joinLinkView(ctx, await joinLinkRow(ctx.trx, ctx.corpId));
}

/**
 * Turns joining by link on or off, with or without 管理员审核, into a department the actor manages.
 * The first time it is turned on a link is made and returned (once); later changes keep the link.
 */
export async function setJoinLink(ctx: Ctx, input: { enabled: boolean; review: boolean; departmentId: string }): Promise<{ settings: JoinLinkView; token: string | null }> {
  await departmentToJoin(ctx, input.departmentId);
  const before = await joinLinkRow(ctx.trx, ctx.corpId);
  let token: string | null = null;
  if (before) {
    await tables(ctx.trx)
      .updateTable('join_links')
      .set({ enabled: flag(input.enabled), review: flag(input.review), department_id: input.departmentId, updated_at: ctx.now })
      .where('corp_id', '=', ctx.corpId)
      .execute();
  } else {
    const codeId = newId('jnl', ctx.now);
    const link = newLinkToken(ctx.corpId, codeId);
    token = link.token;
    await tables(ctx.trx)
      .insertInto('join_links')
      .values({ corp_id: ctx.corpId, enabled: flag(input.enabled), review: flag(input.review), department_id: input.departmentId, code_id: codeId, secret_hash: link.hash, rotated_at: ctx.now, updated_at: ctx.now })
      .execute();
  }
  await audit(ctx, { action: 'contacts.join_link.update', target: { type: 'corp', id: ctx.corpId }, before: before && { enabled: before.enabled === 1, review: before.review === 1, departmentId: before.department_id }, after: input });
  return { settings: await getJoinLink(ctx), token };
}

/** 重置链接: a new link; the old one stops working at once. */
export async function rotateJoinLink(ctx: Ctx): Promise<{ settings: JoinLinkView; token: string }> {
  const row = await joinLinkRow(ctx.trx, ctx.corpId);
  if (!row) throw new DomainError(InvitationErrors['join.link_off']);
  const codeId = newId('jnl', ctx.now);
  const link = newLinkToken(ctx.corpId, codeId);
  await tables(ctx.trx).updateTable('join_links').set({ code_id: codeId, secret_hash: link.hash, rotated_at: ctx.now, updated_at: ctx.now }).where('corp_id', '=', ctx.corpId).execute();
  await audit(ctx, { action: 'contacts.join_link.rotate', target: { type: 'corp', id: ctx.corpId } });
  return { settings: await getJoinLink(ctx), token: link.token };
}

async function usableJoinLink(db: Executor, token: string): Promise<JoinLinkRow> {
  const parsed = parseLinkToken(token);
  const row = parsed && (await joinLinkRow(db, parsed.corpId));
  if (!parsed || !row || row.enabled !== 1 || row.code_id !== parsed.id || !secretMatches(parsed.secret, row.secret_hash)) throw new DomainError(InvitationErrors['join.link_invalid']);
  return row;
}

export async function previewJoin(db: Executor, token: string): Promise<{ corpName: string; departmentName: string; review: boolean }> {
  const row = await usableJoinLink(db, token);
  const name = await departmentName({ corpId: row.corp_id, trx: db }, row.department_id);
  if (name === undefined) throw new DomainError(InvitationErrors['join.link_invalid']);
  return { corpName: (await getCorp(db, row.corp_id)).name, departmentName: name, review: row.review === 1 };
}

/**
 * 加入企业: without review the account joins the link's department at once; with review it waits in
 * the 待审核 list (a second visit finds the same request).
 */
export async function joinByLink(base: PublicCtx, token: string, account: AccountView): Promise<{ corpId: string; outcome: 'joined' | 'pending' }> {
  const row = await usableJoinLink(base.trx, token);
  const ctx: Ctx = { ...base, corpId: row.corp_id, actor: { kind: 'account', id: account.id, name: account.name } };
  if (row.review !== 1) {
    await joinMember(ctx, { accountId: account.id, name: account.name, loginName: account.loginName, departmentId: row.department_id });
    return { corpId: ctx.corpId, outcome: 'joined' };
  }
  const waiting = await tables(ctx.trx).selectFrom('join_requests').select('id').where('corp_id', '=', ctx.corpId).where('account_id', '=', account.id).where('status', '=', 'pending').executeTakeFirst();
  if (!waiting) {
    if (await currentMemberOfAccount(ctx.trx, ctx.corpId, account.id)) throw new DomainError(DirectoryErrors['directory.already_member'], {});
    const id = newId('jrq', ctx.now);
    await tables(ctx.trx).insertInto('join_requests').values({ corp_id: ctx.corpId, id, account_id: account.id, department_id: row.department_id, status: 'pending', created_at: ctx.now, decided_at: null, decided_by: null }).execute();
    await audit(ctx, { action: 'contacts.join_request.create', target: { type: 'join_request', id } });
  }
  return { corpId: ctx.corpId, outcome: 'pending' };
}

export interface JoinRequestView {
  id: string;
  name: string;
  loginName: string;
  departmentId: string;
  departmentName: string | null;
  requestedAt: string;
  /** The actor manages the department, so may approve or reject. */
  decidable: boolean;
}

/** 待审核: the requests waiting, oldest first. */
export async function listJoinRequests(ctx: ReadCtx): Promise<JoinRequestView[]> {
  const rows = await tables(ctx.trx).selectFrom('join_requests').selectAll().where('corp_id', '=', ctx.corpId).where('status', '=', 'pending').orderBy('created_at').orderBy('id').execute();
  const departments = await departmentsForActor(ctx, rows.map((r) => r.department_id));
  const accounts = await Promise.all(rows.map((r) => getAccount(ctx.trx, r.account_id)));
  return rows.map((r, i) => ({
    id: r.id,
    name: accounts[i]!.name,
    loginName: accounts[i]!.loginName,
    departmentId: r.department_id,
    departmentName: departments.get(r.department_id)?.name ?? null,
    requestedAt: toIso(r.created_at),
    decidable: departments.get(r.department_id)?.managed ?? false,
  }));
}

/** 通过 / 拒绝: an admin managing the request's department decides; approval makes the member. */
export async function decideJoinRequest(ctx: Ctx, requestId: string, approve: boolean): Promise<void> {
  const row = await tables(ctx.trx).selectFrom('join_requests').selectAll().where('corp_id', '=', ctx.corpId).where('id', '=', requestId).executeTakeFirst();
  if (!row) throw new DomainError(InvitationErrors['join.request_not_found'], { requestId });
  await departmentToJoin(ctx, row.department_id);
  const decided = await tables(ctx.trx)
    .updateTable('join_requests')
    .set({ status: approve ? 'approved' : 'rejected', decided_at: ctx.now, decided_by: ctx.actor.id })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(decided.numUpdatedRows) === 0) throw new DomainError(InvitationErrors['join.request_decided'], { requestId });
  if (approve) {
    const account = await getAccount(ctx.trx, row.account_id);
    await joinMember(ctx, { accountId: account.id, name: account.name, loginName: account.loginName, departmentId: row.department_id });
  }
  await audit(ctx, { action: approve ? 'contacts.join_request.approve' : 'contacts.join_request.reject', target: { type: 'join_request', id: requestId } });
}
