import type { Ctx } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { newLinkToken, parseLinkToken, secretMatches } from '../../platform/auth/links.ts';
import type { ScryptParams } from '../../platform/auth/password.ts';
import { deleteAllSessions } from '../../platform/auth/sessions.ts';
import type { MailLanguage } from '../../platform/mail.ts';
import { roleRankOf } from '../../platform/policy/index.ts';
import { findAccountForSignIn, getAccount, requirePasswordChange, resetPassword } from '../account/index.ts';
import { getCorp } from '../corp/index.ts';
import { mailboxesOfAccount, memberBrief, memberToSecure } from '../directory/index.ts';
import { RecoveryErrors } from './recovery.errors.ts';
import { tables, type RecoveryTables } from './recovery.tables.ts';

/** A reset link works for 30 minutes after it was made, up to (not including) that instant (docs/decisions.md). */
export const RESET_TTL_MS = 30 * 60_000;

type ResetRow = RecoveryTables['password_resets'];

/** A link just made, with what its message needs. The token and secret leave only in the link. */
export interface IssuedReset {
  token: string;
  secret: string;
  expiresAt: number;
  to: string | null;
  name: string;
  corp: { name: string; language: MailLanguage };
}

/** Makes a reset link for the member's account; any earlier unused link of the account in the enterprise stops working. */
async function issue(trx: Tx, now: number, corpId: string, target: { memberId: string; accountId: string; name: string; email: string | null }, createdBy: string): Promise<IssuedReset> {
  const resets = tables(trx);
  await resets.deleteFrom('password_resets').where('corp_id', '=', corpId).where('account_id', '=', target.accountId).where('used_at', 'is', null).execute();
  const id = newId('pwr', now);
  const link = newLinkToken(corpId, id);
  await resets
    .insertInto('password_resets')
    .values({ corp_id: corpId, id, account_id: target.accountId, member_id: target.memberId, secret_hash: link.hash, created_by: createdBy, created_at: now, expires_at: now + RESET_TTL_MS, used_at: null })
    .execute();
  const corp = await getCorp(trx, corpId);
  return { token: link.token, secret: link.secret, expiresAt: now + RESET_TTL_MS, to: target.email, name: target.name, corp: { name: corp.name, language: corp.language } };
}

/**
 * The member's login, for an admin to act on: the admin manages the member and holds no narrower
 * role than theirs (directory), the member has a login, and only the creator acts on the creator's.
 */
async function loginToSecure(ctx: Ctx, memberId: string): Promise<{ memberId: string; accountId: string; name: string; email: string | null }> {
  const member = await memberToSecure(ctx, memberId);
  if (!member.accountId) throw new DomainError(RecoveryErrors['password_reset.not_activated'], { memberId });
  const self = ctx.actor.kind === 'member' || ctx.actor.kind === 'external' ? ctx.actor.accountId : null;
  if ((await roleRankOf(ctx, { accountId: member.accountId, memberId })) === 'creator' && self !== member.accountId) throw new DomainError(RecoveryErrors['password_reset.creator_only'], { memberId });
  return { memberId, accountId: member.accountId, name: member.name, email: member.email };
}

/** 重置密码 by an admin (the creator or a super admin): a link shown to the admin once, mailed when it can be. */
export async function issueResetLink(ctx: Ctx, memberId: string): Promise<IssuedReset> {
  const target = await loginToSecure(ctx, memberId);
  const issued = await issue(ctx.trx, ctx.now, ctx.corpId, target, ctx.actor.id);
  await audit(ctx, { action: 'contacts.member.password_reset_link', target: { type: 'member', id: memberId }, after: { expiresAt: toIso(issued.expiresAt) } });
  return issued;
}

/** 下次登录时修改密码: the member's next sign-in, and every session it has, must set a new password first. */
export async function forcePasswordChange(ctx: Ctx, memberId: string): Promise<void> {
  const target = await loginToSecure(ctx, memberId);
  await requirePasswordChange(ctx.trx, ctx.now, target.accountId);
  await audit(ctx, { action: 'contacts.member.force_password_change', target: { type: 'member', id: memberId } });
}

/** 退出所有登录: every session of the member's login ends at once. */
export async function signOutEverywhere(ctx: Ctx, memberId: string): Promise<void> {
  const target = await loginToSecure(ctx, memberId);
  const ended = await deleteAllSessions(ctx.trx, 'account', target.accountId);
  await audit(ctx, { action: 'contacts.member.sign_out_everywhere', target: { type: 'member', id: memberId }, after: { sessionsEnded: ended } });
}

/**
 * 忘记密码: a link for the account the login names, to be mailed to its member's address in the
 * enterprise where it became a member first. Undefined when there is no such account or address:
 * the caller answers alike either way.
 */
export async function requestReset(db: Db, now: number, ip: string, login: string): Promise<IssuedReset | undefined> {
  const account = await findAccountForSignIn(db, login);
  const mailbox = account && (await mailboxesOfAccount(db, account.id))[0];
  if (!account || !mailbox) return undefined;
  return db.transaction().execute(async (trx) => {
    const issued = await issue(trx, now, mailbox.corpId, { memberId: mailbox.memberId, accountId: account.id, name: mailbox.name, email: mailbox.email }, account.id);
    const actor = { kind: 'account' as const, id: account.id, name: account.name };
    await audit({ corpId: mailbox.corpId, trx, now, ip, actor }, { action: 'auth.password_reset_request', target: { type: 'member', id: mailbox.memberId }, after: { expiresAt: toIso(issued.expiresAt) } });
    return issued;
  });
}

/** The link a token names, if its secret is right and it is still good; refused in one sentence otherwise. */
async function usableReset(db: Executor, now: number, token: string): Promise<ResetRow> {
  const parsed = parseLinkToken(token);
  const row = parsed && (await tables(db).selectFrom('password_resets').selectAll().where('corp_id', '=', parsed.corpId).where('id', '=', parsed.id).executeTakeFirst());
  if (!parsed || !row || !secretMatches(parsed.secret, row.secret_hash)) throw new DomainError(RecoveryErrors['password_reset.invalid']);
  if (row.used_at !== null) throw new DomainError(RecoveryErrors['password_reset.used']);
  if (now >= row.expires_at) throw new DomainError(RecoveryErrors['password_reset.expired']);
  // A member who has left or been disabled since: the enterprise no longer speaks for the login.
  if ((await memberBrief(db, row.corp_id, row.member_id))?.status !== 'active') throw new DomainError(RecoveryErrors['password_reset.invalid']);
  return row;
}

/** What the reset page shows before the new password is typed. */
export async function previewReset(db: Executor, now: number, token: string): Promise<{ corpName: string; name: string; loginName: string; expiresAt: string }> {
  const row = await usableReset(db, now, token);
  const account = await getAccount(db, row.account_id);
  return { corpName: (await getCorp(db, row.corp_id)).name, name: account.name, loginName: account.loginName, expiresAt: toIso(row.expires_at) };
}

/** 设置新密码 with a reset link: the link is spent, the password set, and every session of the account ends. */
export async function useReset(db: Db, now: number, params: ScryptParams, ip: string, token: string, newPassword: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await usableReset(trx, now, token);
    const spent = await tables(trx).updateTable('password_resets').set({ used_at: now }).where('corp_id', '=', row.corp_id).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(spent.numUpdatedRows) === 0) throw new DomainError(RecoveryErrors['password_reset.used']);
    const { sessionsEnded } = await resetPassword(trx, now, params, row.account_id, newPassword);
    const account = await getAccount(trx, row.account_id);
    await audit({ corpId: row.corp_id, trx, now, ip, actor: { kind: 'account', id: account.id, name: account.name } }, { action: 'auth.password_reset', target: { type: 'account', id: account.id }, after: { sessionsEnded } });
  });
}
