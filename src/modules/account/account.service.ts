import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, type ScryptParams } from '../../platform/auth/password.ts';
import { checkPassword, type SignInFailure } from '../../platform/auth/lockout.ts';
import { deleteAllSessions, deleteOtherSessions, setSessionsPasswordChange } from '../../platform/auth/sessions.ts';
import { AccountErrors } from './account.errors.ts';
import { tables } from './account.tables.ts';

/** 一个微信账号下最多可以有 5 个不同的企业创建者身份. */
export const MAX_CREATED_CORPS = 5;

export interface AccountView {
  id: string;
  name: string;
  loginName: string;
  phone: string | null;
}

export interface NewAccount {
  name: string;
  loginName: string;
  phone?: string | undefined;
  password: string;
}

type AccountRow = { id: string; name: string; login_name: string; phone: string | null };

function toView(row: AccountRow): AccountView {
  return { id: row.id, name: row.name, loginName: row.login_name, phone: row.phone };
}

export async function createAccount(trx: Tx, now: number, params: ScryptParams, input: NewAccount): Promise<AccountView> {
  const db = tables(trx);
  const taken = await db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or([eb('login_name', '=', input.loginName), ...(input.phone ? [eb('phone', '=', input.phone)] : [])]))
    .executeTakeFirst();
  if (taken) throw new DomainError(AccountErrors['account.login_taken']);
  const id = newId('acc', now);
  await db
    .insertInto('accounts')
    .values({ id, login_name: input.loginName, phone: input.phone ?? null, name: input.name, password_hash: await hashPassword(input.password, params), created_corps: 0, must_change_password: 0, created_at: now, updated_at: now })
    .execute();
  return { id, name: input.name, loginName: input.loginName, phone: input.phone ?? null };
}

export async function getAccount(db: Executor, id: string): Promise<AccountView> {
  return toView(await tables(db).selectFrom('accounts').select(['id', 'name', 'login_name', 'phone']).where('id', '=', id).executeTakeFirstOrThrow());
}

/** The named accounts that exist, by id. */
export async function accountsByIds(db: Executor, ids: readonly string[]): Promise<Map<string, AccountView>> {
  if (ids.length === 0) return new Map();
  const rows = await tables(db).selectFrom('accounts').select(['id', 'name', 'login_name', 'phone']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, toView(r)]));
}

export async function findAccountByLogin(db: Executor, loginName: string): Promise<AccountView | undefined> {
  const row = await tables(db).selectFrom('accounts').select(['id', 'name', 'login_name', 'phone']).where('login_name', '=', loginName).executeTakeFirst();
  return row && toView(row);
}

/** The account a sign-in names: by login name or by phone number. */
function signInRow(db: Executor, login: string) {
  return tables(db)
    .selectFrom('accounts')
    .selectAll()
    .where((eb) => eb.or([eb('login_name', '=', login), eb('phone', '=', login)]))
    .executeTakeFirst();
}

/** The account a login name or phone number names, as the sign-in page would find it. */
export async function findAccountForSignIn(db: Executor, login: string): Promise<AccountView | undefined> {
  const row = await signInRow(db, login);
  return row && toView(row);
}

export type SignInResult = { ok: true; account: AccountView } | { ok: false; reason: SignInFailure; account: AccountView | null };

/**
 * Signs in by login name or phone number, throttled per account and address. A refusal says why,
 * for the audit log only: the caller answers every refusal alike.
 */
export async function authenticate(db: Executor, now: number, params: ScryptParams, address: string, login: string, password: string): Promise<SignInResult> {
  const row = await signInRow(db, login);
  const outcome = await checkPassword(db, now, params, { kind: 'account', subject: row?.id ?? `login:${login}`, address }, row?.password_hash, password);
  if (!outcome.ok) return { ok: false, reason: outcome.reason, account: row ? toView(row) : null };
  return { ok: true, account: toView(row!) };
}

export async function changePassword(
  db: Executor,
  now: number,
  params: ScryptParams,
  address: string,
  session: { accountId: string; sessionHash: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const accounts = tables(db);
  const row = await accounts.selectFrom('accounts').selectAll().where('id', '=', session.accountId).executeTakeFirstOrThrow();
  // The current password is throttled like a sign-in, and a throttled check is answered like a wrong one.
  const outcome = await checkPassword(db, now, params, { kind: 'account', subject: row.id, address }, row.password_hash, input.currentPassword);
  if (!outcome.ok) throw new DomainError(AccountErrors['account.wrong_password']);
  await accounts.updateTable('accounts').set({ password_hash: await hashPassword(input.newPassword, params), must_change_password: 0, updated_at: now }).where('id', '=', row.id).execute();
  await deleteOtherSessions(db, 'account', row.id, session.sessionHash);
  await setSessionsPasswordChange(db, 'account', row.id, false, session.sessionHash);
}

/** 重置密码: a new password without the old one (the caller checked a reset link); every session ends. */
export async function resetPassword(trx: Tx, now: number, params: ScryptParams, accountId: string, newPassword: string): Promise<{ sessionsEnded: number }> {
  await tables(trx).updateTable('accounts').set({ password_hash: await hashPassword(newPassword, params), must_change_password: 0, updated_at: now }).where('id', '=', accountId).execute();
  return { sessionsEnded: await deleteAllSessions(trx, 'account', accountId) };
}

/**
 * 下次登录时修改密码: the account's next password sign-in, and every session it has now, must set a
 * new password before acting in any enterprise.
 */
export async function requirePasswordChange(trx: Tx, now: number, accountId: string): Promise<void> {
  await tables(trx).updateTable('accounts').set({ must_change_password: 1, updated_at: now }).where('id', '=', accountId).execute();
  await setSessionsPasswordChange(trx, 'account', accountId, true);
}

export async function newPasswordRequired(db: Executor, accountId: string): Promise<boolean> {
  const row = await tables(db).selectFrom('accounts').select('must_change_password').where('id', '=', accountId).executeTakeFirst();
  return row?.must_change_password === 1;
}

/**
 * Counts one more enterprise created by the account, only while it has fewer than five.
 * A compare-and-set: two registrations racing for the fifth slot cannot both win.
 */
export async function takeCreatorSlot(trx: Tx, accountId: string): Promise<void> {
  const taken = await tables(trx)
    .updateTable('accounts')
    .set({ created_corps: sql<number>`created_corps + 1` })
    .where('id', '=', accountId)
    .where('created_corps', '<', MAX_CREATED_CORPS)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) throw new DomainError(AccountErrors['corp.creator_limit'], { limit: MAX_CREATED_CORPS });
}

export async function releaseCreatorSlot(trx: Tx, accountId: string): Promise<void> {
  await tables(trx).updateTable('accounts').set({ created_corps: sql<number>`created_corps - 1` }).where('id', '=', accountId).execute();
}
